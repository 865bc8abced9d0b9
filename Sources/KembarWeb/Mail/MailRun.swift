import Foundation
import KembarCore
import KembarMail
import KembarStore
import Logging

/// `kembar mail send-digests`: writes the weekly digests due (or everyone's) to the outbox and
/// delivers the outbox, outside a running server.
public enum MailRun {
    public struct Outcome: Sendable {
        /// Recipient and subject of each digest written (or, dry, that would be).
        public var digests: [(recipient: String, subject: String)]
        public var sent: Int
        public var failed: Int
    }

    public static func sendDigests(
        database: any KembarDatabase, mail: MailSetup, publicURL: String, everyone: Bool, dryRun: Bool,
        timeZone: TimeZone, logger: Logger, today: (@Sendable () -> CalendarDay)? = nil
    ) async throws -> Outcome {
        let site = try Site(
            database: database, renderer: try await PageRenderer.bundled(),
            security: SecuritySettings(publicURL: publicURL), logger: logger, mail: mail,
            today: today ?? { Site.today(in: timeZone) })
        guard let composer = try await site.mailComposer() else {
            return Outcome(digests: [], sent: 0, failed: 0)
        }
        let report = try await MailSchedule(site: site, composer: composer).digests(everyone: everyone, dryRun: dryRun)
        guard !dryRun else { return Outcome(digests: report.written, sent: 0, failed: 0) }
        let delivery = MailDelivery(
            outbox: Outbox(database: database), client: SMTPClient(server: mail.server), logger: logger)
        let (sent, failed) = try await delivery.deliverDue()
        return Outcome(digests: report.written, sent: sent, failed: failed)
    }
}
