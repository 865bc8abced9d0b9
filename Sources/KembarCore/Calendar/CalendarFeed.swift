/// The entries of a calendar feed for some partnerships, as of a day: obligations falling due
/// and agreements running out from a year back to a year ahead, and activities still to come.
public enum CalendarFeed {
    /// How far back and ahead the feed reaches; older dates are history, not a calendar's business.
    public static let reachMonths = 12
    /// Longer than this, an activity's possible dates are too vague to block out as an event.
    static let longestSpanDays = 31

    public static func entries(
        _ partnerships: [Partnership], today: CalendarDay, policy: EvaluationPolicy = .standard,
        activities include: (Activity) -> Bool = { _ in true }, obligations: Bool = true
    ) -> [CalendarEntry] {
        let from = today.adding(months: -reachMonths)
        let until = today.adding(months: reachMonths)
        var entries: [CalendarEntry] = []
        for partnership in partnerships {
            let name = partnership.partner.name
            func entry(_ kind: CalendarEntry.Kind, _ span: ClosedRange<CalendarDay>, exact: Bool) -> CalendarEntry {
                CalendarEntry(
                    kind: kind, partnershipID: partnership.id, partnerName: name, first: span.lowerBound,
                    last: span.upperBound, exact: exact)
            }
            if obligations {
                let ahead = PartnershipFacts(partnership: partnership, asOf: until, policy: policy)
                for obligation in partnership.obligations.sorted(by: { $0.id < $1.id }) {
                    for occurrence in ObligationSchedule.occurrences(of: obligation, ahead)
                    where occurrence.due >= from && occurrence.due <= until {
                        // Ahead of today a period cannot yet be missed: it is still due.
                        var seen = occurrence
                        if seen.status == .missed, seen.due >= today { seen.status = .due }
                        entries.append(entry(.obligationDue(obligation, seen), seen.due...seen.due, exact: true))
                    }
                }
                let replaced = Set(partnership.agreements.compactMap(\.supersedes))
                for agreement in partnership.agreements.sorted(by: { $0.id < $1.id })
                where !replaced.contains(agreement.id) {
                    guard let end = agreement.validUntil?.span.upperBound, end >= from, end <= until else { continue }
                    entries.append(
                        entry(
                            .agreementExpires(agreement, notices: policy.agreementNoticeDays.sorted(by: >)),
                            end...end, exact: agreement.validUntil.map(isExactDay) ?? false))
                }
            }
            for activity in partnership.activities where include(activity) {
                let start = activity.start.span
                let last = activity.end?.span.upperBound ?? start.upperBound
                guard last >= today, start.lowerBound <= until else { continue }
                let span = start.lowerBound...max(last, start.lowerBound)
                let exact = isExactDay(activity.start) && (activity.end.map(isExactDay) ?? true)
                let blockable = span.upperBound - span.lowerBound < longestSpanDays
                entries.append(
                    entry(.activity(activity), blockable ? span : span.lowerBound...span.lowerBound, exact: exact))
            }
        }
        return entries.sorted { ($0.first, $0.uid) < ($1.first, $1.uid) }
    }

    static func isExactDay(_ date: PartialDate) -> Bool {
        if case .point(let point) = date { return point.precision == .day }
        return false
    }
}
