import Foundation
import KembarCore
import KembarMail
import KembarStore

/// Decides what mail is due and writes it to the outbox: each person's weekly digest when a week
/// has passed since their last, and a message at once for what they chose to hear of
/// immediately. Every message is written under a key that makes it once only, with what it
/// tells, so that running again writes nothing new.
struct MailSchedule {
    /// What a run wrote (or, dry, would write): the recipient and subject of each message.
    struct Report: Sendable {
        var written: [(recipient: String, subject: String)] = []
    }

    let site: Site
    let composer: MailComposer

    /// A digest goes out when this many days have passed since the last.
    static let digestEveryDays = 7

    var outbox: Outbox { Outbox(database: site.database) }
    var settingsStore: MailSettingsStore { MailSettingsStore(database: site.database) }

    /// Writes the weekly digests due, or with `everyone` every account's now.
    func digests(everyone: Bool, dryRun: Bool) async throws -> Report {
        var report = Report()
        let today = site.today()
        for account in try await recipients() where account.role != .partner {
            let settings = try await settingsStore.settings(of: account)
            let kinds = Set(MailKind.allCases.filter { settings.frequency($0) != .off })
            guard !kinds.isEmpty else { continue }
            if !everyone, let last = settings.lastDigest, today - last < Self.digestEveryDays { continue }
            let view = try await site.records(try await site.organizationIDs(readBy: account))
            var items = view.records.flatMap { record in
                MailItems.weekly(
                    record, evaluations: view.evaluations[record.organization.id] ?? [:], asOf: view.day,
                    since: settings.lastDigest, policy: view.policy)
            }.filter { kinds.contains($0.kind) }
            let alarmKeys = items.filter { if case .alarm = $0.subject { true } else { false } }.map(\.key)
            let told = try await outbox.told(alarmKeys, accountID: account.id)
            items.removeAll { told.contains($0.key) }
            let decisions = kinds.contains(.decisions) ? try await decisionsWaiting(account, view) : []
            guard
                let message = try composer.digest(
                    to: account, settings: settings, items: items, decisions: decisions, today: view.day,
                    records: view.records)
            else { continue }
            let key = "digest:\(account.id):\(view.day)"
            if dryRun {
                if try await !outbox.holds(key) { report.written.append((account.email, message.subject)) }
            } else if try await outbox.enqueue(
                Outbox.Draft(message, key: key, kind: "digest", accountID: account.id),
                telling: alarmKeys.filter { !told.contains($0) }, on: view.day, isDigest: true)
            {
                report.written.append((account.email, message.subject))
            }
        }
        return report
    }

    /// Writes a message for each item a person chose to hear of at once and was not yet told.
    func reminders(dryRun: Bool) async throws -> Report {
        var report = Report()
        for account in try await recipients() {
            let settings = try await settingsStore.settings(of: account)
            let kinds = Set(MailKind.allCases.filter { settings.frequency($0) == .immediately })
            guard !kinds.isEmpty else { continue }
            let view = try await site.records(try await site.organizationIDs(readBy: account))
            let items = view.records.flatMap { record in
                MailItems.immediate(
                    record, evaluations: view.evaluations[record.organization.id] ?? [:], asOf: view.day,
                    policy: view.policy)
            }.filter { kinds.contains($0.kind) && Self.concerns(account, $0) }
            let told = try await outbox.told(items.map(\.key), accountID: account.id)
            for item in items where !told.contains(item.key) {
                let message = try composer.immediate(to: account, settings: settings, item: item, records: view.records)
                if dryRun {
                    report.written.append((account.email, message.subject))
                } else if try await outbox.enqueue(
                    Outbox.Draft(
                        message, key: "now:\(account.id):\(item.key)", kind: "reminder", accountID: account.id),
                    telling: [item.key], on: view.day, isDigest: false)
                {
                    report.written.append((account.email, message.subject))
                }
            }
        }
        return report
    }

    /// A partner city's liaison hears only of its own partnership's shared obligations: those
    /// whose meetings alternate between the two cities.
    static func concerns(_ account: Account, _ item: MailItem) -> Bool {
        guard account.role == .partner else { return true }
        guard item.partnershipID == account.partnershipID else { return false }
        switch item.subject {
        case .obligationDue(let obligation, _), .obligationMissed(let obligation, _):
            return obligation.alternateHost == true
        default: return false
        }
    }

    /// The accounts mail may go to: enabled, with the governments they read filled in.
    private func recipients() async throws -> [Account] {
        var accounts: [Account] = []
        for listed in try await site.accounts.accounts(organizationID: nil) where !listed.disabled {
            guard listed.role != .researcher, let account = try await site.accounts.account(id: listed.id) else {
                continue
            }
            accounts.append(account)
        }
        return accounts
    }

    private func decisionsWaiting(_ account: Account, _ view: RecordView) async throws -> [MailComposer.Decisions] {
        var decisions: [MailComposer.Decisions] = []
        for record in view.records where account.canEdit(organizationID: record.organization.id) {
            let proposals = try await site.proposals.pendingByPartnership(organizationID: record.organization.id)
            let entries = try await site.submissions.pendingByPartnership(organizationID: record.organization.id)
            for partnership in record.partnerships
            where (proposals[partnership.id] ?? 0) + (entries[partnership.id] ?? 0) > 0 {
                decisions.append(
                    MailComposer.Decisions(
                        partner: partnership.partner.name,
                        href: SitePath.partnership(record.organization.id, partnership.id),
                        proposals: proposals[partnership.id] ?? 0, entries: entries[partnership.id] ?? 0))
            }
        }
        return decisions
    }
}
