import KembarCore

/// The portfolio's first panel, "To act on": for the partnerships the account reads, the
/// decisions waiting (proposals and partner cities' entries, for those who decide), the promises
/// falling due or missed since the person's last visit, agreements running out, partnerships
/// gone quiet; each line leads to where it is acted on.
struct ToDoPanel {
    struct Line {
        let href: String
        let text: String
    }

    struct Group {
        let heading: String
        let lines: [Line]
    }

    let groups: [Group]
    let isEmpty: Bool

    /// `proposals` and `entries` count what waits, by government and partnership (empty for an
    /// account that does not decide); `since` is the person's previous visit.
    init(
        records: RecordView, proposals: [String: [String: Int]], entries: [String: [String: Int]],
        since: CalendarDay?, words: Words
    ) {
        var lines = Lines()
        for record in records.records {
            let org = record.organization.id
            for partnership in record.partnerships {
                let name = partnership.partner.name
                if let count = proposals[org]?[partnership.id], count > 0 {
                    lines.waiting.append(
                        Line(
                            href: SitePath.proposals(org, partnership.id),
                            text: words.text("todo_proposals_line", ["partner": name, "n": words.count(count)])))
                }
                if let count = entries[org]?[partnership.id], count > 0 {
                    lines.submitted.append(
                        Line(
                            href: SitePath.submissions(org, partnership.id),
                            text: words.text("todo_entries_line", ["partner": name, "n": words.count(count)])))
                }
                guard let evaluation = records.evaluation(org, partnership.id) else { continue }
                let page = SitePath.partnership(org, partnership.id)
                for item in ToDo.items(
                    partnership, evaluation: evaluation, asOf: records.day, since: since, policy: records.policy)
                {
                    lines.add(item, partner: name, page: page, words: words)
                }
            }
        }
        let missedHeading =
            since.map { words.text("todo_missed_since", ["date": words.day($0)]) }
            ?? words.text("todo_missed_recently", ["n": words.count(ToDo.firstLookBackDays)])
        let dormantHeading =
            since.map { words.text("todo_dormant_since", ["date": words.day($0)]) }
            ?? words.text("todo_dormant_recently", ["n": words.count(ToDo.firstLookBackDays)])
        groups = [
            (words.text("todo_proposals"), lines.waiting), (words.text("todo_entries"), lines.submitted),
            (missedHeading, lines.missed),
            (words.text("todo_due", ["n": words.count(ToDo.dueWithinDays)]), lines.due),
            (words.text("todo_expiring", ["n": words.count(ToDo.expiringWithinDays)]), lines.expiring),
            (dormantHeading, lines.dormant),
        ].compactMap { heading, lines in lines.isEmpty ? nil : Group(heading: heading, lines: lines) }
        isEmpty = groups.isEmpty
    }
}

/// The panel's lines as they are found, one list per group.
private struct Lines {
    typealias Line = ToDoPanel.Line
    var waiting: [Line] = []
    var submitted: [Line] = []
    var missed: [Line] = []
    var due: [Line] = []
    var expiring: [Line] = []
    var dormant: [Line] = []

    /// Files one thing to do about the partnership with `partner` (whose page is `page`).
    mutating func add(_ item: ToDoItem, partner name: String, page: String, words: Words) {
        func obligation(_ obligation: Obligation, due day: CalendarDay) -> Line {
            Line(
                href: page + "#" + SitePath.anchor("obligation", obligation.id),
                text: words.text(
                    "todo_obligation_line", ["partner": name, "title": obligation.title, "date": words.day(day)]))
        }
        switch item.kind {
        case .obligationDue(let promise, let day): due.append(obligation(promise, due: day))
        case .obligationMissed(let promise, let day): missed.append(obligation(promise, due: day))
        case .agreementExpiring(let agreement, let day):
            expiring.append(
                Line(
                    href: page + "#" + SitePath.anchor("agreement", agreement.id),
                    text: words.text(
                        "todo_agreement_line",
                        ["partner": name, "agreement": words.agreement(agreement), "date": words.day(day)])))
        case .turnedDormant(let day):
            dormant.append(
                Line(
                    href: page + "#alarms",
                    text: words.text("todo_dormant_line", ["partner": name, "date": words.day(day)])))
        }
    }
}
