/// What the office must do next for a cooperation, read from its record: the promises falling
/// due in the twelve months after the report, the agreements that run out in them, and the
/// activities already planned.
public enum FollowUp: Hashable, Sendable {
    /// An obligation's period that ends after the report's day and begins within the next twelve
    /// months, with the planned activities already recorded to fulfil it.
    case obligationDue(obligation: Obligation, due: CalendarDay, plannedBy: [String])
    /// An agreement in force that ends within the next twelve months and is not yet replaced.
    case agreementExpires(agreement: Agreement, on: CalendarDay)
    /// An activity recorded with a date after the report's day, within the twelve months after it.
    case plannedActivity(Activity)

    /// How far ahead the report looks.
    public static let horizonMonths = 12

    /// The follow-up of an open partnership (a suspended or terminated one has none).
    static func items(_ partnership: Partnership, period: ReportPeriod, policy: EvaluationPolicy) -> [FollowUp] {
        let asOf = period.asOf
        let horizon = asOf.adding(months: horizonMonths)
        var items: [FollowUp] = []
        let ahead = PartnershipFacts(partnership: partnership, asOf: horizon, policy: policy)
        for obligation in partnership.obligations.sorted(by: { $0.id < $1.id }) {
            for occurrence in ObligationSchedule.occurrences(of: obligation, ahead)
            where occurrence.due > asOf && occurrence.periodStart <= horizon {
                let planned = occurrence.fulfilledBy.filter { id in
                    partnership.activities.first { $0.id == id }.map { within($0.start, asOf, horizon) } ?? false
                }
                // A period already met by an activity that took place is nothing to follow up.
                if occurrence.fulfilledBy.isEmpty || !planned.isEmpty {
                    items.append(.obligationDue(obligation: obligation, due: occurrence.due, plannedBy: planned))
                }
            }
        }
        let replaced = Set(partnership.agreements.compactMap(\.supersedes))
        for agreement in partnership.agreements.sorted(by: { $0.id < $1.id })
        where !replaced.contains(agreement.id) && UnderstandingIndicators.isInForce(agreement, on: asOf) {
            if let end = agreement.validUntil?.span.upperBound, end <= horizon {
                items.append(.agreementExpires(agreement: agreement, on: end))
            }
        }
        for activity in partnership.activities.sorted(by: {
            ($0.start.span.lowerBound, $0.id) < ($1.start.span.lowerBound, $1.id)
        }) where within(activity.start, asOf, horizon) {
            items.append(.plannedActivity(activity))
        }
        return items
    }

    /// Whether a date begins after the report's day and within the twelve months after it: what
    /// lies further ahead is not the report's to promise.
    private static func within(_ date: PartialDate, _ asOf: CalendarDay, _ horizon: CalendarDay) -> Bool {
        date.span.lowerBound > asOf && date.span.lowerBound <= horizon
    }
}
