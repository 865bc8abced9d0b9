/// The readable text of an HTML page: tags removed, scripts, styles and the head left out, block
/// elements on lines of their own, character references decoded.
enum HTMLText {
    private static let blocks: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
        "article", "header", "footer", "blockquote", "pre", "hr", "dt", "dd", "title", "main", "nav", "aside",
    ]
    private static let skipped: Set<String> = ["script", "style", "noscript", "template", "svg"]

    static func text(of source: String) -> String {
        var output = ""
        var index = source.startIndex
        var skipping: String?
        while index < source.endIndex {
            let character = source[index]
            if character == "<" {
                guard let close = source[index...].firstIndex(of: ">") else { break }
                let tag = source[source.index(after: index)..<close]
                index = source.index(after: close)
                if tag.hasPrefix("!") || tag.hasPrefix("?") { continue }
                let isEnd = tag.hasPrefix("/")
                let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                if let current = skipping {
                    if isEnd && name == current { skipping = nil }
                    continue
                }
                if !isEnd && skipped.contains(name) && !tag.hasSuffix("/") {
                    skipping = name
                    continue
                }
                if blocks.contains(name) { output += "\n" }
                if name == "td" || name == "th" { output += "\t" }
                continue
            }
            index = source.index(after: index)
            if skipping != nil { continue }
            if character == "&" {
                let (decoded, next) = reference(in: source, at: source.index(before: index))
                output += decoded
                index = next
            } else {
                output.append(character)
            }
        }
        return tidy(output)
    }

    /// Decodes `&name;`, `&#123;` and `&#x1F;` at `start`; anything else is kept as written.
    private static func reference(in source: String, at start: String.Index) -> (String, String.Index) {
        let rest = source[source.index(after: start)...].prefix(12)
        guard let semicolon = rest.firstIndex(of: ";") else { return ("&", source.index(after: start)) }
        let body = rest[..<semicolon]
        let after = source.index(after: semicolon)
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value =
                digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            if let value, let scalar = Unicode.Scalar(value) { return (String(Character(scalar)), after) }
            return ("&", source.index(after: start))
        }
        let named: [Substring: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
            "hellip": "…", "laquo": "«", "raquo": "»", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
            "copy": "©", "reg": "®", "deg": "°", "middot": "·", "bull": "•", "euro": "€",
        ]
        if let decoded = named[body] { return (decoded, after) }
        return ("&", source.index(after: start))
    }

    /// Runs of spaces become one space, each line is trimmed, and no more than one blank line is kept.
    private static func tidy(_ text: String) -> String {
        var lines: [String] = []
        var blank = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
                .joined(separator: " ")
            if line.isEmpty {
                blank += 1
                if blank == 1 && !lines.isEmpty { lines.append("") }
            } else {
                blank = 0
                lines.append(line)
            }
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
