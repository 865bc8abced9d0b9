import Foundation

/// Text written into a header (RFC 5322), with anything beyond plain ASCII as RFC 2047
/// encoded-words, and never a line break of the text's own: a header's value stays one header.
enum HeaderText {
    /// An unstructured value (the subject): as it is when plain printable ASCII, otherwise
    /// encoded, folded over lines that each begin with a space.
    static func unstructured(_ text: String) -> String {
        let line = MailAddress.singleLine(text)
        if line.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 32 }) && !line.contains("=?") { return line }
        return encodedWords(line).joined(separator: "\r\n ")
    }

    /// A display name: quoted when plain ASCII, otherwise encoded.
    static func phrase(_ text: String) -> String {
        let line = MailAddress.singleLine(text)
        if line.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 32 }) && !line.contains("=?") {
            return "\"" + line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                + "\""
        }
        return encodedWords(line).joined(separator: "\r\n ")
    }

    /// `=?UTF-8?B?…?=` words of at most 75 characters, never splitting a character's bytes.
    static func encodedWords(_ text: String) -> [String] {
        // 75 - "=?UTF-8?B?".count - "?=".count = 63 characters of base64: 45 bytes of text.
        let budget = 45
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > budget, !chunk.isEmpty {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words
    }
}
