import Foundation
import KembarStore
import KembarTestSupport
import Logging
import NIOCore
import Testing

@testable import KembarMail

/// The outbox and its sender against a real mail server: once only, retried when the server
/// says "later", given up when it says "never", kept when it cannot be reached.
@Suite(.serialized) struct OutboxDeliveryTests {
    private func draft(_ key: String, to recipient: String = "budi@bandung.example") throws -> Outbox.Draft {
        let message = MailMessage.test(
            from: try MailAddress(parsing: "Kembar <kerjasama@bandung.example>"),
            to: try MailAddress(address: recipient), server: "test", language: "en")
        return Outbox.Draft(
            dedupeKey: key, accountID: nil, kind: "test", sender: "kerjasama@bandung.example", recipient: recipient,
            subject: message.subject, message: message.rendered())
    }

    private func delivery(_ outbox: Outbox, port: Int) throws -> MailDelivery {
        MailDelivery(
            outbox: outbox,
            client: SMTPClient(server: try SMTPServer(url: "smtp://127.0.0.1:\(port)"), timeout: .seconds(5)),
            logger: Logger(label: "test"))
    }

    @Test func aMessageIsWrittenOnceAndSentOnce() async throws {
        guard await MailSink.isAvailable else { return }
        try await TestDatabase.withMigrated { database in
            let outbox = Outbox(database: database)
            #expect(try await outbox.enqueue(try draft("digest:1:2026-W49")))
            #expect(try await outbox.enqueue(try draft("digest:1:2026-W49")) == false)
            try await MailSink.with { sink in
                let sender = try delivery(outbox, port: sink.port)
                #expect(try await sender.deliverDue() == (1, 0))
                #expect(try await sender.deliverDue() == (0, 0))
                #expect(try await sink.messages(waitingFor: 1).count == 1)
            }
            let log = try await outbox.log()
            #expect(log.map(\.status) == [.sent])
            #expect(log.first?.attempts == 1 && log.first?.sentAt != nil)
        }
    }

    @Test func aRecipientRefusedForNowIsTriedAgainLaterAndOneRefusedForGoodIsGivenUp() async throws {
        guard await MailSink.isAvailable else { return }
        try await TestDatabase.withMigrated { database in
            let outbox = Outbox(database: database)
            try await outbox.enqueue(try draft("a", to: "later@bandung.example"))
            try await outbox.enqueue(try draft("b", to: "refuse@bandung.example"))
            try await MailSink.with { sink in
                let sender = try delivery(outbox, port: sink.port)
                let now = Date()
                #expect(try await sender.deliverDue(now: now) == (0, 2))
                let log = Dictionary(uniqueKeysWithValues: try await outbox.log().map { ($0.dedupeKey, $0) })
                #expect(log["a"]?.status == .waiting && log["a"]?.attempts == 1)
                #expect(log["a"]?.lastError?.contains("451") == true)
                #expect(log["b"]?.status == .failed && log["b"]?.lastError?.contains("550") == true)
                // Not again before the wait is over; again after it.
                #expect(try await sender.deliverDue(now: now.addingTimeInterval(30)) == (0, 0))
                #expect(try await sender.deliverDue(now: now.addingTimeInterval(Outbox.wait(after: 1) + 1)) == (0, 1))
                #expect(try await outbox.log().first { $0.dedupeKey == "a" }?.attempts == 2)
            }
        }
    }

    @Test func anUnreachableServerLeavesTheMessageInTheOutbox() async throws {
        try await TestDatabase.withMigrated { database in
            let outbox = Outbox(database: database)
            try await outbox.enqueue(try draft("c"))
            // A port where nothing listens: the sink started and stopped.
            let port = try await MailSink.isAvailable ? MailSink.with { $0.port } : 9
            let sender = try delivery(outbox, port: port)
            #expect(try await sender.deliverDue() == (0, 1))
            let kept = try #require(try await outbox.log().first)
            #expect(kept.status == .waiting)
            #expect(kept.lastError?.contains("cannot reach the mail server") == true)
        }
    }

    @Test func twoSendersOnOneDatabaseSendEachMessageOnce() async throws {
        guard await MailSink.isAvailable else { return }
        try await TestDatabase.withMigrated { database in
            let outbox = Outbox(database: database)
            for index in 0..<30 { try await outbox.enqueue(try draft("m\(index)")) }
            try await MailSink.with { sink in
                let first = try delivery(outbox, port: sink.port)
                let second = try delivery(Outbox(database: database), port: sink.port)
                async let one = first.deliverDue()
                async let two = second.deliverDue()
                let (a, b) = try await (one, two)
                #expect(a.sent + b.sent == 30)
                let kept = try await sink.messages(waitingFor: 30)
                #expect(kept.count == 30)
                #expect(Set(kept.compactMap { $0.header("Message-ID") }).count == 30)
            }
        }
    }
}
