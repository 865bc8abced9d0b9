import Foundation
import KembarTestSupport
import Testing

/// `kembar mail test` and `kembar mail send-digests` against a real mail server (aiosmtpd).
@Suite(.serialized) struct MailCommandTests {
    static let from = "Kembar Kota Bandung <kerjasama@bandung.example>"

    @Test func aTestMessageArrivesAndAnUnreachableServerExitsOneWithTheReason() async throws {
        guard await MailSink.isAvailable else { return }
        try await MailSink.with { sink in
            let sent = try await KembarProcess.run(
                [
                    "mail", "test", "budi@bandung.example", "--smtp-url", "smtp://127.0.0.1:\(sink.port)",
                    "--mail-from", Self.from, "--language", "en",
                ], environment: [:])
            #expect(sent.status == 0, "\(sent.standardError)")
            #expect(sent.standardOutput.contains("sent a test message to budi@bandung.example"))
            let kept = try #require(try await sink.messages(waitingFor: 1).first)
            #expect(kept.header("Subject") == "Kembar: test message")
        }
        let port = try await MailSink.with { $0.port }
        let refused = try await KembarProcess.run(
            ["mail", "test", "budi@bandung.example", "--mail-from", Self.from],
            environment: ["KEMBAR_SMTP_URL": "smtp://127.0.0.1:\(port)"])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("the test message was not sent: cannot reach the mail server"))
        let bad = try await KembarProcess.run(
            ["mail", "test", "budi@bandung.example", "--smtp-url", "http://mail.example", "--mail-from", Self.from],
            environment: [:])
        #expect(bad.status == 1)
        #expect(bad.standardError.contains("is not a mail server address"))
        let noSender = try await KembarProcess.run(
            ["mail", "test", "budi@bandung.example", "--smtp-url", "smtp://127.0.0.1:\(port)"], environment: [:])
        #expect(noSender.status == 1 && noSender.standardError.contains("no sender"))
    }

    @Test func digestsAreSentOnceAndADryRunSendsNothing() async throws {
        guard await MailSink.isAvailable else { return }
        try await TestDatabase.withFresh { database in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString).json")
            try Fixtures.demoBytes().write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let demo = try await KembarProcess.run(["import", file.path], environment: database.environment)
            #expect(demo.status == 0, "\(demo.standardError)")
            let added = try await KembarProcess.run(
                [
                    "user", "add", "--role", "officer", "--organization", "bandung", "--name", "Budi",
                    "budi@bandung.example",
                ],
                environment: database.environment)
            #expect(added.status == 0, "\(added.standardError)")
            try await MailSink.with { sink in
                let arguments = [
                    "mail", "send-digests", "--smtp-url", "smtp://127.0.0.1:\(sink.port)", "--mail-from", Self.from,
                    "--public-url", "https://kembar.example",
                ]
                let dry = try await KembarProcess.run(arguments + ["--dry-run"], environment: database.environment)
                #expect(dry.status == 0, "\(dry.standardError)")
                #expect(dry.standardOutput.contains("would write a digest to budi@bandung.example"))
                let first = try await KembarProcess.run(arguments, environment: database.environment)
                #expect(first.standardOutput.contains("1 digests written; 1 messages sent"), "\(first.standardOutput)")
                let again = try await KembarProcess.run(arguments + ["--now"], environment: database.environment)
                #expect(again.standardOutput.contains("0 digests written; 0 messages sent"))
                #expect(try await sink.messages(waitingFor: 1).count == 1)
            }
        }
    }

    @Test func serveRefusesMailWithoutThePublicAddressItsLinksNeed() async throws {
        let refused = try await KembarProcess.run(
            ["serve", "--port", "0", "--no-demo", "--smtp-url", "smtp://127.0.0.1:25", "--mail-from", Self.from],
            environment: [:])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("mail needs --public-url"))
    }
}
