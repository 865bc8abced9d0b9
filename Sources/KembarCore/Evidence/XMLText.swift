/// Text made safe for XML 1.0 content and attribute values: markup characters escaped, and the
/// characters XML 1.0 forbids (most control characters) left out.
public enum XMLText {
    public static func escaped(_ text: String) -> String {
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

    /// Text with each character XML 1.0 forbids replaced by a space (for source files, which tools
    /// often carry into XML): one character for one, so that selections keep their positions.
    static func allowed(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let allowed =
                scalar == "\t" || scalar == "\n" || scalar == "\r"
                || (value >= 0x20 && value != 0xFFFE && value != 0xFFFF)
            result.append(allowed ? scalar : " ")
        }
        return String(result)
    }
}
