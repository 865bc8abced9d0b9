/// The occurrences of each obligation up to the evaluation date, and which activities met them.
///
/// A recurring obligation falls due once per period counted from its `from` date (calendar years
/// when `from` is a year, anniversaries when it is a day). An occurrence is met when an activity
/// that `fulfils` the obligation took place within its period (judged at the middle of the
/// activity's possible dates); missed when its period ended without one; due while its period runs.
enum ObligationSchedule {
    /// Enough for a monthly obligation kept for a century; guards against absurd dates.
    static let maximumOccurrences = 1_200

    static func occurrences(_ facts: PartnershipFacts) -> [ObligationOccurrence] {
        let obligations = facts.partnership.obligations.sorted { $0.id < $1.id }
        var result: [ObligationOccurrence] = []
        for obligation in obligations {
            result += occurrences(of: obligation, facts)
        }
        return result
    }

    static func occurrences(of obligation: Obligation, _ facts: PartnershipFacts) -> [ObligationOccurrence] {
        let asOf = facts.asOf
        let periods = self.periods(of: obligation, facts)
        let fulfilling = facts.activities.filter {
            $0.fulfilsAnything && facts.record($0).fulfils.contains(obligation.id)
        }
        var assigned = Array(repeating: [ActivityFacts](), count: periods.count)
        for entry in fulfilling {
            // An early meeting counts for the first period; one after the last period counts for none.
            if let index = periods.firstIndex(where: { entry.span.midpoint <= $0.upperBound }) {
                assigned[index].append(entry)
            }
        }
        var occurrences: [ObligationOccurrence] = []
        var previousHost: Activity.Host?
        for (index, period) in periods.enumerated() {
            let meetings = assigned[index]
            let status: ObligationOccurrence.Status =
                !meetings.isEmpty ? .met : period.upperBound < asOf ? .missed : .due
            let host = meetings.first?.host
            var broken = false
            if obligation.alternateHost == true, let host, host == .home || host == .partner {
                broken = previousHost == host
                previousHost = host
            }
            occurrences.append(
                ObligationOccurrence(
                    obligation: obligation.id, periodStart: period.lowerBound, due: period.upperBound, status: status,
                    fulfilledBy: meetings.map { $0.id }, host: obligation.alternateHost == true ? host : nil,
                    alternationBroken: broken))
        }
        return occurrences
    }

    /// The periods that have begun by the evaluation date, each ending on its due day.
    static func periods(of obligation: Obligation, _ facts: PartnershipFacts) -> [ClosedRange<CalendarDay>] {
        let asOf = facts.asOf
        let start = obligation.from.span.lowerBound
        let lastStart = obligation.until.map { min($0.span.upperBound, asOf) } ?? asOf
        guard start <= lastStart else { return [] }
        if obligation.every == .once {
            let due =
                obligation.until?.span.upperBound
                ?? obligation.from.span.upperBound.adding(days: facts.policy.onceObligationGraceDays)
            return [start...max(start, due)]
        }
        let months =
            switch obligation.every {
            case .month: 1
            case .quarter: 3
            default: 12
            }
        var periods: [ClosedRange<CalendarDay>] = []
        var periodStart = start
        while periodStart <= lastStart, periods.count < maximumOccurrences {
            let next = start.adding(months: months * (periods.count + 1))
            periods.append(periodStart...next.adding(days: -1))
            periodStart = next
        }
        return periods
    }
}
