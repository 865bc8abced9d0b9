import Foundation
import KembarTestSupport
import NIOCore
import NIOPosix
import Testing

@testable import KembarMail

/// The SMTP client against a real server (aiosmtpd): what arrives is parsed by Python's email
/// package.
@Suite(.serialized) struct SMTPClientTests {
    private func message(to address: String = "budi@bandung.example", name: String = "Budi Santoso")
        throws -> MailMessage
    {
        MailMessage(
            from: try MailAddress(parsing: "Kembar Kota Bandung <kerjasama@bandung.example>"),
            to: try MailAddress(name: name, address: address),
            subject: "Pengingat: rapat Kelompok Kerja Bersama — 柳州",
            text: "Rapat tahunan jatuh tempo.\n.Baris yang diawali titik.\n", html: "<p>Rapat tahunan jatuh tempo.</p>",
            date: Date(), unsubscribe: URL(string: "https://kembar.example/unsubscribe/abc"), language: "id")
    }

    @Test func aMessageArrivesWithItsPartsHeadersAndLanguage() async throws {
        guard await MailSink.isAvailable else { return }
        try await MailSink.with { sink in
            let client = SMTPClient(server: try SMTPServer(url: "smtp://127.0.0.1:\(sink.port)"))
            let sent = try message()
            let delivery = try await client.send(
                sent.rendered(), from: sent.from.address, to: [sent.to.address])
            #expect(delivery.accepted == ["budi@bandung.example"])
            let kept = try #require(try await sink.messages(waitingFor: 1).first)
            #expect(kept.mailFrom == "kerjasama@bandung.example")
            #expect(kept.recipients == ["budi@bandung.example"])
            #expect(kept.topType == "multipart/alternative")
            #expect(kept.parts.map(\.type) == ["text/plain", "text/html"])
            #expect(kept.parts[0].text.contains(".Baris yang diawali titik."))
            #expect(kept.header("Subject") == "Pengingat: rapat Kelompok Kerja Bersama — 柳州")
            #expect(kept.header("From") == "Kembar Kota Bandung <kerjasama@bandung.example>")
            #expect(kept.header("Content-Language") == "id")
            #expect(kept.header("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click")
            #expect(kept.header("Message-ID") == "<\(sent.messageID)>")
        }
    }

    @Test func aLineOfTheMessageThatIsADotDoesNotEndIt() async throws {
        guard await MailSink.isAvailable else { return }
        try await MailSink.with { sink in
            let client = SMTPClient(server: try SMTPServer(url: "smtp://127.0.0.1:\(sink.port)"))
            let raw =
                "From: a@bandung.example\r\nTo: b@bandung.example\r\nSubject: dots\r\n\r\nbefore\r\n.\r\n..two\r\nafter\r\n"
            _ = try await client.send(raw, from: "a@bandung.example", to: ["b@bandung.example"])
            let kept = try #require(try await sink.messages(waitingFor: 1).first)
            #expect(kept.parts.first?.text.replacingOccurrences(of: "\r\n", with: "\n") == "before\n.\n..two\nafter\n")
        }
    }

    @Test func aNameWithAnInjectedHeaderAddsNoRecipient() async throws {
        guard await MailSink.isAvailable else { return }
        try await MailSink.with { sink in
            let client = SMTPClient(server: try SMTPServer(url: "smtp://127.0.0.1:\(sink.port)"))
            let sent = try message(name: "x\r\nBcc: victim@example.org")
            _ = try await client.send(sent.rendered(), from: sent.from.address, to: [sent.to.address])
            let kept = try #require(try await sink.messages(waitingFor: 1).first)
            #expect(kept.header("Bcc") == nil)
            #expect(kept.recipients == ["budi@bandung.example"])
            #expect(kept.header("To")?.contains("budi@bandung.example") == true)
        }
    }

    @Test func starttlsAndASignInAreUsedWhenOffered() async throws {
        guard await MailSink.isAvailable else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kembar-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let cert = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let made = try await KembarProcess.runProgram(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
            ])
        try #require(made == 0)
        try await MailSink.with(["--tls", cert, key, "--require-tls", "--auth", "mailer", "s3cret pass"]) { sink in
            // Without the certificate's authority the server is not trusted, and nothing is sent.
            let untrusted = SMTPClient(
                server: try SMTPServer(url: "smtp://mailer:s3cret%20pass@localhost:\(sink.port)"), timeout: .seconds(10)
            )
            let text = try message().rendered()
            do {
                _ = try await untrusted.send(text, from: "kerjasama@bandung.example", to: ["budi@bandung.example"])
                Issue.record("sent to a server whose certificate is not trusted")
            } catch let error as SMTPError {
                guard case .connection(let reason) = error else {
                    Issue.record("expected the TLS handshake to fail, got \(error)")
                    return
                }
                #expect(reason.contains("TLS") || reason.contains("certificate"), "\(reason)")
            }
            let client = SMTPClient(
                server: try SMTPServer(url: "smtp://mailer:s3cret%20pass@localhost:\(sink.port)?ca=\(cert)"),
                timeout: .seconds(5))
            _ = try await client.send(
                try message().rendered(), from: "kerjasama@bandung.example", to: ["budi@bandung.example"])
            let kept = try #require(try await sink.messages(waitingFor: 1).first)
            #expect(kept.overTLS)
            #expect(kept.authenticated)
            let wrong = SMTPClient(
                server: try SMTPServer(url: "smtp://mailer:wrong@localhost:\(sink.port)?ca=\(cert)"),
                timeout: .seconds(5))
            do {
                _ = try await wrong.send(text, from: "kerjasama@bandung.example", to: ["budi@bandung.example"])
                Issue.record("sent with a wrong password")
            } catch let error as SMTPError {
                #expect(
                    error == .refused(step: "the sign-in", code: 535, text: "5.7.8 Authentication credentials invalid"))
                #expect(!error.isTransient)
            }
        }
    }

    @Test func refusedRecipientsAreToldApartForGoodAndForNow() async throws {
        guard await MailSink.isAvailable else { return }
        try await MailSink.with { sink in
            let client = SMTPClient(server: try SMTPServer(url: "smtp://127.0.0.1:\(sink.port)"))
            let text = try message().rendered()
            do {
                _ = try await client.send(text, from: "kerjasama@bandung.example", to: ["refuse@bandung.example"])
                Issue.record("a refused recipient was accepted")
            } catch let error as SMTPError {
                #expect(!error.isTransient)
                #expect(error.description.contains("550"))
            }
            do {
                _ = try await client.send(text, from: "kerjasama@bandung.example", to: ["later@bandung.example"])
                Issue.record("a recipient refused for now was accepted")
            } catch let error as SMTPError {
                #expect(error.isTransient)
            }
            #expect(try sink.messages().isEmpty)
        }
    }

    @Test func anUnreachableOrSilentServerFailsWithinTheTimeAllowed() async throws {
        // Nothing listens on a port just closed.
        let closed = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(closed.localAddress?.port)
        try await closed.close()
        let unreachable = SMTPClient(server: try SMTPServer(url: "smtp://127.0.0.1:\(port)"), timeout: .seconds(5))
        do {
            _ = try await unreachable.send("x", from: "a@b.example", to: ["c@d.example"])
            Issue.record("sent to a port where nothing listens")
        } catch {
            guard case .connection = error else { throw error }
            #expect(error.isTransient)
        }
        // A server that accepts and never answers.
        let silent = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        defer { silent.close(promise: nil) }
        let client = SMTPClient(
            server: try SMTPServer(url: "smtp://127.0.0.1:\(try #require(silent.localAddress?.port))"),
            timeout: .milliseconds(300))
        do {
            _ = try await client.send("x", from: "a@b.example", to: ["c@d.example"])
            Issue.record("sent to a server that never answered")
        } catch {
            #expect(error == .timeout("greeting"))
        }
    }
}
