/// One word for a partnership's state, for maps and lists: derived from the verdicts and alarms.
public enum PartnershipHealth: String, CaseIterable, Sendable, Comparable {
    /// No element unmet, at least one met, not dormant.
    case healthy
    /// Something unmet or only partly met.
    case attention
    /// Dormant, or three or more elements unmet.
    case critical
    /// Too little in the record to judge.
    case unknown

    public init(_ evaluation: PartnershipEvaluation) {
        let statuses = evaluation.elements.values.map(\.status)
        let unmet = statuses.filter { $0 == .unmet }.count
        if evaluation.alarms.contains(where: { $0.kind == .dormant }) || unmet >= 3 {
            self = .critical
        } else if statuses.allSatisfy({ $0 == .unknown }) {
            self = .unknown
        } else if unmet > 0 || !statuses.contains(.met) {
            self = .attention
        } else {
            self = .healthy
        }
    }

    public static func < (lhs: PartnershipHealth, rhs: PartnershipHealth) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
