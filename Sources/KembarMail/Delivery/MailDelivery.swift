import Foundation
import KembarStore
import Logging
import ServiceLifecycle

/// Delivers the outbox: every `interval` it claims the messages due (one instance at a time) and
/// hands each to the mail server, recording it as sent, to be tried again later, or given up.
public struct MailDelivery: Service {
    public let outbox: Outbox
    public let client: SMTPClient
    public let interval: Duration
    public let logger: Logger

    public init(outbox: Outbox, client: SMTPClient, interval: Duration = .seconds(15), logger: Logger) {
        self.outbox = outbox
        self.client = client
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let (sent, failed) = try await deliverDue()
                if sent + failed > 0 { logger.info("mail: \(sent) sent, \(failed) not sent") }
            } catch {
                logger.error("mail: the outbox could not be read: \(error)")
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// Sends what is due now; returns how many were sent and how many failed this time.
    @discardableResult
    public func deliverDue(now: Date = Date()) async throws -> (sent: Int, failed: Int) {
        var sent = 0
        var failed = 0
        while true {
            let due = try await outbox.claimDue(now: now)
            if due.isEmpty { break }
            for message in due {
                do {
                    _ = try await client.send(message.message, from: message.sender, to: [message.recipient])
                } catch {
                    logger.warning("mail to \(message.recipient) (\(message.kind)) not sent: \(error)")
                    try await outbox.markFailed(
                        message.id, reason: error.description, transient: error.isTransient, now: Date())
                    failed += 1
                    continue
                }
                try await outbox.markSent(message.id, now: Date())
                sent += 1
            }
        }
        return (sent, failed)
    }
}
