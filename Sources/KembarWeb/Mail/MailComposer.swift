import Foundation
import KembarCore
import KembarMail
import KembarStore

/// Writes the messages Kembar sends a person: the weekly digest and the immediate reminders,
/// in the person's language, every link under the deployment's public address.
struct MailComposer {
    /// Proposals and partner entries waiting in one partnership.
    struct Decisions {
        let partner: String
        let href: String
        let proposals: Int
        let entries: Int
    }

    let renderer: PageRenderer
    let from: MailAddress
    /// The deployment's public address, without a trailing slash.
    let base: String
    let signingKey: [UInt8]

    func words(_ settings: MailSettings) -> Words {
        renderer.words(Language(rawValue: settings.language) ?? .indonesian)
    }

    /// The weekly digest, or nil when there is nothing to tell.
    func digest(
        to account: Account, settings: MailSettings, items: [MailItem], decisions: [Decisions], today: CalendarDay,
        records: [CooperationRecord]
    ) throws -> MailMessage? {
        let words = words(settings)
        let partnerships = Self.partnerships(records)
        var sections: [MailView.Section] = []
        func section(_ title: String, _ chosen: [MailItem]) {
            guard !chosen.isEmpty else { return }
            sections.append(
                MailView.Section(title: title, lines: chosen.map { line($0, words, partnerships) }))
        }
        section(words.text("mail_new_alarms"), items.filter { if case .alarm = $0.subject { true } else { false } })
        section(
            settings.lastDigest.map { words.text("todo_missed_since", ["date": words.day($0)]) }
                ?? words.text("todo_missed_recently", ["n": words.count(ToDo.firstLookBackDays)]),
            items.filter { if case .obligationMissed = $0.subject { true } else { false } })
        section(
            words.text("todo_due", ["n": words.count(ToDo.dueWithinDays)]),
            items.filter { if case .obligationDue = $0.subject { true } else { false } })
        section(
            words.text("todo_expiring", ["n": words.count(ToDo.expiringWithinDays)]),
            items.filter { if case .agreementExpiring = $0.subject { true } else { false } })
        let waiting = decisions.filter { $0.proposals + $0.entries > 0 }
        if !waiting.isEmpty {
            sections.append(
                MailView.Section(
                    title: words.text("mail_decisions"),
                    lines: waiting.map { decision in
                        MailView.Line(
                            text: words.text(
                                "mail_decisions_line",
                                [
                                    "partner": decision.partner, "proposals": words.count(decision.proposals),
                                    "entries": words.count(decision.entries),
                                ]), href: base + decision.href)
                    }))
        }
        guard !sections.isEmpty else { return nil }
        let count = sections.reduce(0) { $0 + $1.lines.count }
        let view = MailView(
            lang: words.language.rawValue, subject: words.text("mail_digest_subject", ["n": words.count(count)]),
            greeting: words.text("mail_greeting", ["name": account.name]),
            intro: words.text("mail_digest_intro", ["date": words.day(today)]), sections: sections,
            preferencesHref: base + SitePath.mailPreferences, preferencesText: words.text("mail_preferences_link"),
            unsubscribeHref: unsubscribe(account, "digest"),
            unsubscribeText: words.text("mail_unsubscribe_digest_link"),
            footer: words.text("mail_footer"))
        return try message(view, to: account)
    }

    /// The message telling one item at once.
    func immediate(to account: Account, settings: MailSettings, item: MailItem, records: [CooperationRecord]) throws
        -> MailMessage
    {
        let words = words(settings)
        let line = line(item, words, Self.partnerships(records))
        let view = MailView(
            lang: words.language.rawValue, subject: words.text("mail_immediate_subject", ["line": line.text]),
            greeting: words.text("mail_greeting", ["name": account.name]), intro: words.text("mail_immediate_intro"),
            sections: [MailView.Section(title: title(item, words), lines: [line])],
            preferencesHref: base + SitePath.mailPreferences, preferencesText: words.text("mail_preferences_link"),
            unsubscribeHref: unsubscribe(account, item.kind.rawValue),
            unsubscribeText: words.text(
                "mail_unsubscribe_kind", ["kind": words.text("mail_kind_\(item.kind.rawValue)")]),
            footer: words.text("mail_footer"))
        return try message(view, to: account)
    }

    private func title(_ item: MailItem, _ words: Words) -> String {
        switch item.subject {
        case .alarm: words.text("mail_new_alarms")
        case .obligationDue: words.text("mail_obligation_due")
        case .obligationMissed: words.text("mail_obligation_missed")
        case .agreementExpiring: words.text("mail_agreement_expiring")
        }
    }

    /// The partnerships of `records` by government and id, to name what alarms mention.
    static func partnerships(_ records: [CooperationRecord]) -> [String: Partnership] {
        var found: [String: Partnership] = [:]
        for record in records {
            for partnership in record.partnerships {
                found[record.organization.id + "/" + partnership.id] = partnership
            }
        }
        return found
    }

    private func line(_ item: MailItem, _ words: Words, _ partnerships: [String: Partnership]) -> MailView.Line {
        let words = partnerships[item.organizationID + "/" + item.partnershipID].map(words.naming) ?? words
        // The government's own alarm (its office's load) has no partnership: it links to the portfolio.
        let page =
            item.partnershipID.isEmpty
            ? base + SitePath.portfolio + "?organization=" + item.organizationID.addingPercentEncodingForPath()
            : base + SitePath.partnership(item.organizationID, item.partnershipID)
        switch item.subject {
        case .alarm(let alarm):
            return MailView.Line(
                text: item.partnerName + ": " + words.say(alarm.phrases),
                href: item.partnershipID.isEmpty ? page : page + "#alarms")
        case .obligationDue(let obligation, let day), .obligationMissed(let obligation, let day):
            return MailView.Line(
                text: words.text(
                    "todo_obligation_line",
                    ["partner": item.partnerName, "title": obligation.title, "date": words.day(day)]),
                href: page + "#" + SitePath.anchor("obligation", obligation.id))
        case .agreementExpiring(let agreement, let day):
            return MailView.Line(
                text: words.text(
                    "todo_agreement_line",
                    ["partner": item.partnerName, "agreement": words.agreement(agreement), "date": words.day(day)]),
                href: page + "#" + SitePath.anchor("agreement", agreement.id))
        }
    }

    private func unsubscribe(_ account: Account, _ what: String) -> String {
        base + SitePath.unsubscribe(UnsubscribeToken.make(accountID: account.id, what: what, key: signingKey))
    }

    func message(_ view: MailView, to account: Account) throws -> MailMessage {
        MailMessage(
            from: from, to: try MailAddress(name: account.name, address: account.email), subject: view.subject,
            text: view.text, html: renderer.renderMail(view), date: Date(),
            unsubscribe: view.unsubscribeHref.flatMap(URL.init(string:)), language: view.lang)
    }
}

extension MailComposer {
    /// The message carrying an invitation's or a password reset's single-use link.
    func link(
        to account: Account, language: String, purpose: AccountLinkStore.Purpose, token: String, government: String?
    ) throws -> MailMessage {
        let words = renderer.words(Language(rawValue: language) ?? .indonesian)
        let href = base + SitePath.accountLink(token)
        let hours = Int(purpose.validFor / 3600)
        let view = MailView(
            lang: words.language.rawValue,
            subject: words.text("mail_\(purpose.rawValue)_subject", ["government": government ?? "Kembar"]),
            greeting: words.text("mail_greeting", ["name": account.name]),
            intro: words.text(
                "mail_\(purpose.rawValue)_intro",
                ["government": government ?? "Kembar", "email": account.email, "hours": words.count(hours)]),
            sections: [
                MailView.Section(
                    title: words.text("mail_link_title"),
                    lines: [MailView.Line(text: words.text("mail_link_action"), href: href)])
            ],
            preferencesHref: base + SitePath.mailPreferences, preferencesText: words.text("mail_preferences_link"),
            unsubscribeHref: nil, unsubscribeText: nil, footer: words.text("mail_link_footer"))
        return try message(view, to: account)
    }
}

extension Outbox.Draft {
    /// The outbox's row for `message`, written once under `key`.
    init(_ message: MailMessage, key: String, kind: String, accountID: Int?) {
        self.init(
            dedupeKey: key, accountID: accountID, kind: kind, sender: message.from.address,
            recipient: message.to.address, subject: message.subject, message: message.rendered())
    }
}
