/// The yearly KSDPL/KSDLL reports of many governments, gathered as the ministry (or a province)
/// receives them: summed by province, then government by government.
public struct NationalCompilation: Sendable {
    public struct Province: Sendable {
        /// Nil for the governments that belong to no province.
        public var organization: Organization?
        public var reports: [AnnualReport]

        public var ksdpl: Int { reports.reduce(0) { $0 + $1.cooperations(.ksdpl).count } }
        public var ksdll: Int { reports.reduce(0) { $0 + $1.cooperations(.ksdll).count } }
        public var activities: Int { reports.reduce(0) { $0 + $1.activityCount } }
        /// Cooperations without an activity in the year.
        public var silent: Int { reports.reduce(0) { $0 + $1.cooperations.count { $0.activities.isEmpty } } }
    }

    public var period: ReportPeriod
    public var provinces: [Province]

    /// Each government's yearly report, under its province (a province's own report first under
    /// it), provinces by name, then the governments of no province.
    public init(records: [CooperationRecord], period: ReportPeriod, policy: EvaluationPolicy = .standard) {
        self.period = period
        let organizations = Dictionary(
            records.map { ($0.organization.id, $0.organization) }, uniquingKeysWith: { first, _ in first })
        var groups: [String: [AnnualReport]] = [:]
        for record in records.sorted(by: { $0.organization.name < $1.organization.name }) {
            let organization = record.organization
            let key = organization.level == .province ? organization.id : organization.parent ?? ""
            let report = AnnualReport(record: record, period: period, policy: policy)
            if organization.level == .province {
                groups[key, default: []].insert(report, at: 0)
            } else {
                groups[key, default: []].append(report)
            }
        }
        provinces = groups.keys.sorted { first, second in
            (first.isEmpty ? 1 : 0, organizations[first]?.name ?? first)
                < (second.isEmpty ? 1 : 0, organizations[second]?.name ?? second)
        }.map { Province(organization: $0.isEmpty ? nil : organizations[$0], reports: groups[$0] ?? []) }
    }

    public var reports: [AnnualReport] { provinces.flatMap(\.reports) }
}
