import Foundation

/// One message as Kembar sends it: a plain-text part and an HTML part of the same content
/// (`multipart/alternative`), with its date, its id and, for what a person may stop receiving, a
/// one-click unsubscribe link (RFC 8058).
public struct MailMessage: Sendable, Equatable {
    public var from: MailAddress
    public var to: MailAddress
    public var subject: String
    public var text: String
    public var html: String
    public var date: Date
    /// Without the angle brackets: `UUID@domain`.
    public var messageID: String
    /// Where one click unsubscribes, when the message is one a person may turn off.
    public var unsubscribe: URL?
    /// The recipient's language (`id`, `en`), as `Content-Language`.
    public var language: String

    public init(
        from: MailAddress, to: MailAddress, subject: String, text: String, html: String, date: Date,
        messageID: String? = nil, unsubscribe: URL? = nil, language: String
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.date = date
        self.messageID = messageID ?? "\(UUID().uuidString.lowercased())@\(from.domain)"
        self.unsubscribe = unsubscribe
        self.language = language
    }

    /// The message as it goes over the wire (before SMTP's dot-stuffing): CRLF line ends, every
    /// line under 1,000 bytes, the parts in base64.
    public func rendered(boundary: String = "kembar-" + UUID().uuidString.lowercased()) -> String {
        var headers = [
            "From: \(from.header)",
            "To: \(to.header)",
            "Subject: \(HeaderText.unstructured(subject))",
            "Date: \(Self.dateHeader(date))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Language: \(MailAddress.singleLine(language))",
            "Auto-Submitted: auto-generated",
        ]
        if let unsubscribe {
            headers.append("List-Unsubscribe: <\(unsubscribe.absoluteString)>")
            headers.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
        }
        headers.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
        var lines = headers + [""]
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            lines += [
                "--\(boundary)",
                "Content-Type: \(type); charset=utf-8",
                "Content-Transfer-Encoding: base64",
                "",
            ]
            lines += Self.base64Lines(body)
        }
        lines.append("--\(boundary)--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 5322's date: `Sat, 05 Dec 2026 13:04:05 +0000`.
    static func dateHeader(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }

    private static func base64Lines(_ text: String) -> [String] {
        let encoded = Data(
            text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8
        )
        .base64EncodedString()
        var lines: [String] = []
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        return lines
    }
}
