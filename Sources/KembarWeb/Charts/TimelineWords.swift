import KembarCore

/// How the history's records are said, the same in the drawing's tooltips (``TimelineChart``)
/// and in the list a phone shows instead (``TimelineYears``).
struct TimelineWords {
    let words: Words

    func stage(_ stage: StageEvent) -> String {
        "\(words.term(stage.stage, "stage")): \(words.date(stage.date))"
    }

    func agreement(_ agreement: Agreement) -> String {
        let validity =
            agreement.validUntil.map { words.text("timeline_valid_until", ["date": words.date($0)]) }
            ?? words.text("timeline_valid_open")
        return "\(words.agreement(agreement)); \(validity)"
    }

    func activity(_ activity: Activity) -> String {
        "\(activity.title): \(words.date(activity.start))"
    }

    func vacuum(_ vacuum: VacuumPeriod) -> String {
        words.text(
            vacuum.ongoing ? "timeline_silence_now" : "timeline_vacuum",
            [
                "from": words.date(text: vacuum.from), "to": words.date(text: vacuum.to),
                "days": words.count(vacuum.days),
            ])
    }

    func occurrence(_ occurrence: ObligationOccurrence, of title: String) -> String {
        "\(title): \(words.text("occurrence_\(occurrence.status.rawValue)")) (\(words.day(occurrence.due)))"
    }
}
