import KembarMail
import KembarStore
import Logging
import ServiceLifecycle

/// Inside `kembar serve` with a mail server: every quarter of an hour, writes the reminders and
/// the weekly digests that have fallen due. Every instance may run it; the outbox's keys make
/// each message once only.
struct MailScheduleService: Service {
    let site: Site
    let logger: Logger
    var interval: Duration = .seconds(900)

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                if let composer = try await site.mailComposer() {
                    let schedule = MailSchedule(site: site, composer: composer)
                    let reminders = try await schedule.reminders(dryRun: false)
                    let digests = try await schedule.digests(everyone: false, dryRun: false)
                    let written = reminders.written.count + digests.written.count
                    if written > 0 { logger.info("mail: \(written) messages written to the outbox") }
                }
            } catch {
                logger.error("mail: the schedule could not run: \(error)")
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
