import Foundation

/// The code book in QDA-XML: inside a project's `<CodeBook>`, and alone as a `.qdc` file
/// (`urn:QDA-XML:codebook:1.0`, the same `<Codes>` tree).
public enum REFIQDACodeBook {
    /// A `.qdc` file.
    public static func document(_ codeBook: CodeBook, guid: (String) -> String) -> String {
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"Kembar\">"
            + codes(codeBook, guid: guid) + "</CodeBook>\n"
    }

    /// The `<Codes>` element: elements, their indicators and sub-codes nested beneath them.
    static func codes(_ codeBook: CodeBook, guid: (String) -> String) -> String {
        "<Codes>" + codeBook.children(of: nil).map { code($0, in: codeBook, guid: guid) }.joined() + "</Codes>"
    }

    private static func code(_ code: Code, in codeBook: CodeBook, guid: (String) -> String) -> String {
        var xml =
            "<Code guid=\"\(guid("code:\(code.key)"))\" name=\"\(XMLText.escaped(code.name))\" isCodable=\"true\" color=\"\(color(code.element))\">"
        if !code.description.isEmpty { xml += "<Description>\(XMLText.escaped(code.description))</Description>" }
        for child in codeBook.children(of: code.key) { xml += Self.code(child, in: codeBook, guid: guid) }
        return xml + "</Code>"
    }

    /// One colour per element, the same as the evaluation pages use.
    static func color(_ element: KeyElement) -> String {
        switch element {
        case .commitment: "#1F5F8B"
        case .communityParticipation: "#2E7D32"
        case .mutualUnderstanding: "#6A3D9A"
        case .reciprocity: "#B15928"
        case .tangibleResults: "#8C6D00"
        }
    }

    /// The code book as CSV with the columns `tag,description` (what Taguette imports): each code
    /// named by its path, so that sub-codes stay distinguishable in a flat list.
    public static func csv(_ codeBook: CodeBook) -> String {
        var lines = ["tag,description"]
        for code in codeBook.codes {
            let tag = codeBook.path(to: code.key).map(\.name).joined(separator: " / ")
            lines.append("\(field(tag)),\(field(code.description))")
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
