import Foundation
import Testing

@testable import KembarMail

/// A message as it is written: headers that stay headers, any script in names and subjects, and
/// the two parts.
@Suite struct MailMessageTests {
    private func message(name: String = "Budi Santoso", subject: String = "Weekly digest") throws -> MailMessage {
        MailMessage(
            from: try MailAddress(parsing: "Kembar Kota Bandung <kerjasama@bandung.example>"),
            to: try MailAddress(name: name, address: "budi@bandung.example"), subject: subject,
            text: "Line one\n.a line that begins with a dot", html: "<p>Line one</p>",
            date: Date(timeIntervalSince1970: 1_796_000_000), messageID: "m1@bandung.example",
            unsubscribe: URL(string: "https://kembar.example/unsubscribe/abc"), language: "en")
    }

    @Test func headersCarryTheDateTheIdAndTheOneClickUnsubscribe() throws {
        let text = try message().rendered(boundary: "b")
        #expect(text.contains("\r\nDate: Mon, 30 Nov 2026 00:53:20 +0000\r\n"))
        #expect(text.contains("\r\nMessage-ID: <m1@bandung.example>\r\n"))
        #expect(text.contains("\r\nList-Unsubscribe: <https://kembar.example/unsubscribe/abc>\r\n"))
        #expect(text.contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"))
        #expect(text.contains("Content-Type: multipart/alternative; boundary=\"b\""))
        #expect(text.hasPrefix("From: \"Kembar Kota Bandung\" <kerjasama@bandung.example>\r\n"))
        #expect(text.split(separator: "\r\n", omittingEmptySubsequences: false).allSatisfy { $0.utf8.count < 1000 })
    }

    @Test func aNameWithALineBreakCannotAddAHeader() throws {
        let text = try message(name: "x\r\nBcc: victim@example.org").rendered(boundary: "b")
        #expect(!text.contains("\r\nBcc:"))
        #expect(text.contains("To: \"x  Bcc: victim@example.org\" <budi@bandung.example>"))
        let subject = try message(subject: "Hello\r\nBcc: victim@example.org").rendered(boundary: "b")
        #expect(!subject.contains("\r\nBcc:"))
    }

    @Test func namesAndSubjectsBeyondASCIIAreEncodedWordsOfAtMost75Characters() throws {
        let subject = "Pengingat: rapat Kelompok Kerja Bersama dengan 柳州 — jatuh tempo dalam 7 hari"
        let text = try message(name: "Siti Nurhaliza Ç", subject: subject).rendered(boundary: "b")
        let words = HeaderText.encodedWords(subject)
        #expect(words.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?UTF-8?B?") })
        let decoded = words.map { word in
            Data(base64Encoded: String(word.dropFirst(10).dropLast(2))).map { String(decoding: $0, as: UTF8.self) }
                ?? ""
        }.joined()
        #expect(decoded == subject)
        #expect(text.contains("To: =?UTF-8?B?"))
    }

    @Test func addressesThatCouldBreakTheEnvelopeAreRefused() {
        for bad in ["no-at-sign", "a@b", "a b@example.org", "x@example.org>\r\nRCPT TO:<y@example.org", "<a@b.c>"] {
            #expect(throws: MailAddress.Failure.self) { try MailAddress(address: bad) }
        }
    }

    @Test func linesBeginningWithADotAreDoubledForSMTP() {
        #expect(SMTPClient.dotStuffed("a\n.b\r\n..c\n") == "a\r\n..b\r\n...c\r\n")
    }
}

@Suite struct SMTPServerTests {
    @Test func readsTheSchemesPortsUserAndTheAuthorityToTrust() throws {
        let plain = try SMTPServer(url: "smtp://mailer%40bandung:p%40ss@mail.example:2525")
        #expect(plain.host == "mail.example" && plain.port == 2525 && plain.security == .startTLSIfOffered)
        #expect(plain.username == "mailer@bandung" && plain.password == "p@ss")
        #expect(plain.redacted == "smtp://mailer%40bandung@mail.example:2525")
        #expect(try SMTPServer(url: "smtp://mail.example").port == 587)
        let tls = try SMTPServer(url: "smtps://mail.example?ca=/etc/ca.pem")
        #expect(tls.port == 465 && tls.security == .implicitTLS && tls.certificateAuthorities == "/etc/ca.pem")
        #expect(try SMTPServer(url: "smtp://mail.example?starttls=required").security == .startTLSRequired)
    }

    @Test func refusesWhatIsNotAMailServerAddress() {
        for bad in [
            "http://mail.example", "smtp://", "smtp://mail.example/path", "mail.example:25",
            "smtp://mail.example?tls=off", "smtp://mail.example:0",
        ] {
            #expect(throws: SMTPServer.Failure.self) { try SMTPServer(url: bad) }
        }
    }
}
