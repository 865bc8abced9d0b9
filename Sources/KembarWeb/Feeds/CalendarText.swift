import KembarCore

/// The calendar entries of a feed said in one language, as iCalendar events.
enum CalendarText {
    /// `partnerships` are those the entries come from: their records are named by their titles.
    static func calendar(
        name: String, entries: [CalendarEntry], organization: Organization, partnerships: [Partnership],
        today: CalendarDay, words: Words, link: (CalendarEntry) -> String?
    ) -> ICalendar {
        let byID = Dictionary(partnerships.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ICalendar(
            name: name,
            events: entries.map { entry in
                event(
                    entry, home: organization.place.name, words: byID[entry.partnershipID].map(words.naming) ?? words,
                    url: link(entry))
            },
            stamp: today)
    }

    static func event(_ entry: CalendarEntry, home: String, words: Words, url: String?) -> ICalendar.Event {
        let partner = entry.partnerName
        var lines: [String] = []
        let summary: String
        var reminders: [Int] = []
        let category: String
        switch entry.kind {
        case .obligationDue(let obligation, let occurrence):
            summary = words.text("calendar_obligation", ["partner": partner, "title": obligation.title])
            lines.append(
                words.text(
                    "calendar_obligation_period",
                    ["from": words.day(occurrence.periodStart), "to": words.day(occurrence.due)]))
            switch occurrence.status {
            case .met:
                lines.append(
                    words.text(
                        "calendar_obligation_met",
                        [
                            "activities": occurrence.fulfilledBy.map { words.name(of: .activity, $0) }.joined(
                                separator: ", ")
                        ]))
            case .missed: lines.append(words.text("calendar_obligation_missed"))
            case .due: lines.append(words.text("calendar_obligation_open"))
            }
            category = words.text("calendar_category_obligation")
        case .agreementExpires(let agreement, let notices):
            let name = words.agreement(agreement)
            summary = words.text("calendar_agreement", ["partner": partner, "agreement": name])
            lines.append(
                words.text(
                    "calendar_agreement_description",
                    ["agreement": name, "signed": words.date(agreement.signed), "date": words.day(entry.last)]))
            reminders = notices
            category = words.text("calendar_category_agreement")
        case .activity(let activity):
            summary = words.text("calendar_activity", ["partner": partner, "title": activity.title])
            lines.append(
                "\(words.term(activity.kind, "activity-kind")), \(words.host(activity.host, home: home, partner: partner))"
            )
            if !entry.exact { lines.append(words.text("calendar_date_known_as", ["date": words.dates(of: activity)])) }
            category = words.text("calendar_category_activity")
        }
        return ICalendar.Event(
            uid: entry.uid, first: entry.first, last: entry.last, summary: summary,
            description: lines.joined(separator: "\n"), url: url, categories: [category], remindDaysBefore: reminders)
    }
}
