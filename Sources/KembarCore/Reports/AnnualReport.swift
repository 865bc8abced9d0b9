/// The yearly report to the Ministry of Home Affairs ("Laporan KSDPL KSDLL"): every foreign
/// cooperation of one government in a year, with its legal basis, areas, the year's activities,
/// its obstacles (the alarms standing at the end of the year) and what must follow.
///
/// Pure values: the words, the page and the CSV are drawn from it elsewhere.
public struct AnnualReport: Sendable {
    public var period: ReportPeriod
    public var organization: Organization
    /// Cooperations filed as KSDPL, then KSDLL, each ordered by partner name.
    public var cooperations: [Cooperation]
    /// Obstacles of the office rather than of one cooperation (too few staff for too many
    /// partnerships), said once instead of under every cooperation.
    public var generalObstacles: [Alarm]

    public struct Cooperation: Sendable {
        public var category: ReportCategory
        public var partnership: Partnership
        /// The latest stage reached by the end of the period, if any is recorded.
        public var stage: StageEvent?
        /// Every agreement signed by the end of the period, oldest first.
        public var agreements: [AgreementStanding]
        /// The areas of the agreements in force (or, with none in force, of every agreement), in
        /// the order they were agreed, and whether an activity of the year served each.
        public var areas: [AreaStanding]
        /// The activities of the year, in date order.
        public var activities: [Activity]
        public var obstacles: [Alarm]
        public var followUp: [FollowUp]
    }

    public struct AgreementStanding: Sendable {
        public var agreement: Agreement
        public var inForce: Bool
        /// Replaced by a later agreement of the record.
        public var supersededBy: String?
    }

    public struct AreaStanding: Hashable, Sendable {
        public var area: String
        public var servedThisYear: Bool

        public init(area: String, servedThisYear: Bool) {
            self.area = area
            self.servedThisYear = servedThisYear
        }
    }

    public func cooperations(_ category: ReportCategory) -> [Cooperation] {
        cooperations.filter { $0.category == category }
    }

    public var activityCount: Int { cooperations.reduce(0) { $0 + $1.activities.count } }
}

extension AnnualReport {
    /// The report of `record` for `period`. A cooperation belongs to the year when something of it
    /// is dated by the year's end (or nothing of it is dated at all) and it was not terminated before
    /// the year began.
    public init(record: CooperationRecord, period: ReportPeriod, policy: EvaluationPolicy = .standard) {
        self.period = period
        organization = record.organization
        var cooperations: [Cooperation] = []
        var general: [Alarm] = []
        for partnership in record.partnerships where Self.belongs(partnership, to: period) {
            let evaluation = Evaluator.evaluate(partnership, of: record, asOf: period.asOf, policy: policy)
            let (office, own) = evaluation.alarms.reduce(into: ([Alarm](), [Alarm]())) { split, alarm in
                if Self.officeWide.contains(alarm.kind) { split.0.append(alarm) } else { split.1.append(alarm) }
            }
            for alarm in office where !general.contains(where: { $0.kind == alarm.kind }) { general.append(alarm) }
            let stage = partnership.latestStage(by: period.asOf)
            let agreements = Self.agreements(partnership, period)
            let activities = partnership.activities.filter { Self.isOfYear($0, period) }.sorted {
                ($0.start.span.lowerBound, $0.id) < ($1.start.span.lowerBound, $1.id)
            }
            cooperations.append(
                Cooperation(
                    category: ReportCategory(partnership.partner), partnership: partnership, stage: stage,
                    agreements: agreements, areas: Self.areas(agreements, served: activities), activities: activities,
                    obstacles: own,
                    followUp: partnership.isClosed(on: period.asOf)
                        ? [] : FollowUp.items(partnership, period: period, policy: policy)))
        }
        generalObstacles = general
        let order = ReportCategory.allCases
        self.cooperations = cooperations.sorted {
            (order.firstIndex(of: $0.category)!, $0.partnership.partner.name, $0.partnership.id)
                < (order.firstIndex(of: $1.category)!, $1.partnership.partner.name, $1.partnership.id)
        }
    }

    /// Alarms about the office as a whole, the same under every partnership.
    static let officeWide: Set<Alarm.Kind> = [.officeOverloaded]

    static func belongs(_ partnership: Partnership, to period: ReportPeriod) -> Bool {
        let dates = partnership.recordedDates
        // A cooperation the record gives no date for is reported: it is on the government's
        // books, and the report should show how little is known of it.
        guard dates.isEmpty || dates.contains(where: { $0.span.lowerBound <= period.last }) else { return false }
        let before = partnership.stages.filter { $0.date.span.upperBound < period.first }
            .max { $0.date.span.upperBound < $1.date.span.upperBound }
        guard before?.stage == .termination else { return true }
        // Ended before the year: reported again only if something of it happened in the year.
        return dates.contains { period.overlaps($0.span) && $0.span.lowerBound >= period.first }
    }

    /// An activity of the year: one that ran during it. An activity whose date is only known to
    /// lie somewhere in a longer range ("before 2011") belongs to a year only when the whole range
    /// does, so that one uncertain event is not reported in several years.
    static func isOfYear(_ activity: Activity, _ period: ReportPeriod) -> Bool {
        guard activity.start.span.lowerBound <= period.asOf else { return false }
        if case .range = activity.start {
            return activity.start.span.lowerBound >= period.first && activity.start.span.upperBound <= period.last
        }
        let end = activity.end?.span.upperBound ?? activity.start.span.upperBound
        return period.overlaps(activity.start.span.lowerBound...max(end, activity.start.span.lowerBound))
    }

    static func agreements(_ partnership: Partnership, _ period: ReportPeriod) -> [AgreementStanding] {
        let signed = partnership.agreements.filter { $0.signed.span.lowerBound <= period.asOf }
            .sorted { ($0.signed.span.lowerBound, $0.id) < ($1.signed.span.lowerBound, $1.id) }
        return signed.map { agreement in
            AgreementStanding(
                agreement: agreement, inForce: UnderstandingIndicators.isInForce(agreement, on: period.asOf),
                supersededBy: signed.first { $0.supersedes == agreement.id }?.id)
        }
    }

    /// The areas of the agreements in force (of every agreement, with none in force), each marked
    /// served when one of the year's `activities` was in it.
    static func areas(_ standing: [AgreementStanding], served activities: [Activity]) -> [AreaStanding] {
        let inForce = standing.filter(\.inForce)
        let source = (inForce.isEmpty ? standing : inForce).map(\.agreement)
        let served = Set(activities.flatMap(\.areas))
        var seen: Set<String> = []
        return source.flatMap(\.areas).filter { seen.insert($0).inserted }.map {
            AreaStanding(area: $0, servedThisYear: served.contains($0))
        }
    }
}
