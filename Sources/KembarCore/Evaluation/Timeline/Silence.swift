/// The silences in a partnership's history: every stretch with certainly no sign of life longer
/// than the dormancy threshold, and the silence that lasts on the evaluation date.
///
/// Signs of life are activities, agreement signings and stage events other than suspension and
/// termination. A record dated only to a year might lie anywhere in it, so a silence counts only
/// from the last day the earlier record can mean to the first day the later one can.
struct Silence: Sendable {
    let vacuums: [VacuumPeriod]
    /// Days from the last possible sign of life to the evaluation date; nil when nothing is dated.
    let currentDays: Int?
    /// First silent day of the current silence, at the precision of the record before it.
    let since: String?

    init(_ facts: PartnershipFacts) {
        let asOf = facts.asOf
        var signs: [TimedSpan] = facts.activities.map { $0.span }
        signs += facts.agreements.map { TimedSpan(id: $0.id, start: $0.signed, end: nil, asOf: asOf) }
        signs += facts.partnership.stages
            .filter { $0.stage != .suspension && $0.stage != .termination && $0.date.span.lowerBound <= asOf }
            .map { TimedSpan(id: $0.stage.rawValue, start: $0.date, end: nil, asOf: asOf) }
        signs.sort { ($0.earliest, $0.latest, $0.id) < ($1.earliest, $1.latest, $1.id) }

        var vacuums: [VacuumPeriod] = []
        var coveredUntil: CalendarDay?
        var coveredPrecision = DatePoint.Precision.day
        for sign in signs {
            if let end = coveredUntil {
                let firstSilentDay = end.adding(days: 1)
                let days = sign.earliest - firstSilentDay
                if days > facts.policy.dormancyDays {
                    vacuums.append(
                        VacuumPeriod(
                            from: firstSilentDay.text(precision: coveredPrecision),
                            to: sign.earliest.text(precision: sign.startPrecision), days: days, ongoing: false))
                }
            }
            if coveredUntil.map({ sign.latest > $0 }) ?? true {
                coveredUntil = sign.latest
                coveredPrecision = sign.endPrecision
            }
        }
        guard let end = coveredUntil else {
            self.vacuums = vacuums
            currentDays = nil
            since = nil
            return
        }
        let firstSilentDay = end.adding(days: 1)
        let days = max(0, asOf - end)
        let sinceText = firstSilentDay.text(precision: coveredPrecision)
        if days > facts.policy.dormancyDays {
            vacuums.append(VacuumPeriod(from: sinceText, to: asOf.description, days: days, ongoing: true))
        }
        self.vacuums = vacuums
        currentDays = days
        since = sinceText
    }
}
