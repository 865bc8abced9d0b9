/// Why a partnership has the health it has, in the terms a person checks: how long it has been
/// silent, how many of the five elements are unmet, partly met or met.
public enum HealthReason: Hashable, Sendable {
    /// Silent longer than the dormancy threshold, for this many days.
    case dormant(days: Int)
    case unmet(count: Int)
    case partial(count: Int)
    case met(count: Int)
    /// Too little in the record to judge any element.
    case tooLittleData

    /// The reasons behind ``PartnershipHealth/init(_:)``, most telling first.
    public static func of(_ evaluation: PartnershipEvaluation) -> [HealthReason] {
        let statuses = evaluation.elements.values.map(\.status)
        let unmet = statuses.count { $0 == .unmet }
        let partial = statuses.count { $0 == .partial }
        let met = statuses.count { $0 == .met }
        var reasons: [HealthReason] = []
        if evaluation.alarms.contains(where: { $0.kind == .dormant }) {
            reasons.append(.dormant(days: evaluation.currentSilenceDays ?? 0))
        }
        if statuses.allSatisfy({ $0 == .unknown }) {
            reasons.append(.tooLittleData)
            return reasons
        }
        if unmet > 0 { reasons.append(.unmet(count: unmet)) }
        if partial > 0 { reasons.append(.partial(count: partial)) }
        if met > 0 || reasons.isEmpty { reasons.append(.met(count: met)) }
        return reasons
    }
}
