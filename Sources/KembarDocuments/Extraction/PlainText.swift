import Foundation

/// Text files as people actually have them: UTF-8 (with or without a byte-order mark), or, when
/// they are not valid UTF-8, the Windows code page many older office computers still save in.
enum PlainText {
    static func decode(_ bytes: [UInt8]) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let text =
            String(validating: body, as: UTF8.self)
            ?? String(data: Data(body), encoding: .windowsCP1252)
            ?? String(decoding: body, as: UTF8.self)
        return normalized(text)
    }

    /// Line ends as line feeds; control characters other than tab and line feed removed, so that
    /// stored text is safe to search, display and export as XML.
    static func normalized(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var previousWasReturn = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r":
                result.append("\n")
                previousWasReturn = true
                continue
            case "\n" where previousWasReturn:
                break
            case "\n", "\t":
                result.append(scalar)
            case "\u{0C}":
                result.append("\n")
            default:
                if scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value) && scalar.value != 0xFFFE
                    && scalar.value != 0xFFFF
                {
                    result.append(scalar)
                }
            }
            previousWasReturn = false
        }
        return String(result).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
