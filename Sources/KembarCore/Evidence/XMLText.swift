/// Text made safe for XML 1.0 content and attribute values: markup characters escaped, and the
/// characters XML 1.0 forbids (most control characters) left out.
enum XMLText {
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n": result += "&#\(scalar.value);"
            case "\r": result += "&#13;"
            default:
                let value = scalar.value
                if value >= 0x20 && value != 0xFFFE && value != 0xFFFF { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// Text with only the characters XML 1.0 forbids removed (for source files, which are not XML).
    static func allowed(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter {
                    $0 == "\t" || $0 == "\n" || $0 == "\r"
                        || ($0.value >= 0x20 && $0.value != 0xFFFE && $0.value != 0xFFFF)
                }))
    }
}
