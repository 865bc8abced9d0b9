/// What went each way between the two cities in the window the reciprocity indicators judge:
/// the delegations each side sent and their members, what each side bore, and the benefits each
/// received. R1 to R3 are balances of these figures, and the partnership's page draws them, so
/// that the bars and the indicators beside them always count the same activities.
public struct ReciprocityFlows: Hashable, Sendable {
    /// The window, as a phrase: "the last 5 years", or "the 5 years up to 2022-04-23" for a
    /// partnership judged on how it worked when it last did.
    public var window: Phrase
    /// Delegations each side sent to the other (activities of a delegation kind hosted by one
    /// side with people of the other).
    public var delegationsSent: [Side: Int]
    /// Members of those delegations, where written down.
    public var membersSent: [Side: Int]
    /// Whether any of a side's delegations has its size written down: a delegation whose size
    /// nobody wrote down is not a delegation of nobody.
    public var membersCounted: [Side: Bool]
    /// What each side bore, one line per currency or kind of cost, by unit.
    public var costs: [CostFlow]
    /// Benefits each side received, one line per kind that has any, in the vocabulary's order.
    public var benefits: [BenefitFlow]
    /// The activities behind each group, for the indicators' records.
    public internal(set) var delegationRecords: [String]
    public internal(set) var costRecords: [String]
    public internal(set) var benefitRecords: [String]

    public struct CostFlow: Hashable, Sendable {
        /// A currency code for money; otherwise the cost kind's id (staff days, in kind).
        public var unit: String
        public var home: Double
        public var partner: Double
        /// Whether `unit` is a cost kind rather than a currency.
        public var isKind: Bool
    }

    public struct BenefitFlow: Hashable, Sendable {
        public var kind: Benefit.Kind
        public var toHome: Int
        public var toPartner: Int
    }

    public var benefitsToHome: Int { benefits.reduce(0) { $0 + $1.toHome } }
    public var benefitsToPartner: Int { benefits.reduce(0) { $0 + $1.toPartner } }

    static let delegationKinds: Set<Activity.Kind> = [.visit, .exchange, .study, .training, .meeting, .event]

    init(_ facts: PartnershipFacts, window: Phrase) {
        self.window = window
        var sent: [Side: Int] = [.home: 0, .partner: 0]
        var members: [Side: Int] = [.home: 0, .partner: 0]
        var counted: [Side: Bool] = [.home: false, .partner: false]
        var delegations: [String] = []
        var costTotals: [String: [Side: Double]] = [:]
        var costs: [String] = []
        let kinds = Benefit.Kind.allCases
        var received: [Side: [Int]] = [
            .home: .init(repeating: 0, count: kinds.count), .partner: .init(repeating: 0, count: kinds.count),
        ]
        var benefits: [String] = []
        for entry in facts.windowActivities {
            if let side = Self.delegation(entry) {
                sent[side, default: 0] += 1
                members[side, default: 0] += side == .home ? entry.homeHeadcount : entry.partnerHeadcount
                if !counted[side, default: false], entry.headcounted {
                    counted[side] = facts.record(entry).participants.contains { $0.side == side && $0.count != nil }
                }
                delegations.append(entry.id)
            }
            if entry.hasCosts {
                costs.append(entry.id)
                for cost in facts.record(entry).costs {
                    costTotals[cost.kind == .money ? cost.currency : cost.kind.rawValue, default: [:]][
                        cost.side, default: 0] += cost.amount
                }
            }
            if entry.hasBenefits {
                benefits.append(entry.id)
                for benefit in facts.record(entry).benefits {
                    received[benefit.to]![kinds.firstIndex(of: benefit.kind)!] += 1
                }
            }
        }
        delegationsSent = sent
        membersSent = members
        membersCounted = counted
        self.costs = costTotals.keys.sorted().map { unit in
            CostFlow(
                unit: unit, home: costTotals[unit]?[.home] ?? 0, partner: costTotals[unit]?[.partner] ?? 0,
                isKind: Cost.Kind(rawValue: unit).map { $0 != .money } ?? false)
        }
        self.benefits = kinds.indices.compactMap { index in
            let toHome = received[.home]![index]
            let toPartner = received[.partner]![index]
            return toHome + toPartner > 0 ? BenefitFlow(kind: kinds[index], toHome: toHome, toPartner: toPartner) : nil
        }
        delegationRecords = delegations.sorted()
        costRecords = costs
        benefitRecords = benefits
    }

    /// The side that sent the delegation, when the activity is one.
    private static func delegation(_ entry: ActivityFacts) -> Side? {
        guard delegationKinds.contains(entry.kind) else { return nil }
        if entry.host == .home, entry.withPartnerPeople { return .partner }
        if entry.host == .partner, entry.withHomePeople { return .home }
        return nil
    }
}
