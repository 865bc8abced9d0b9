/// P1–P3: citizens, schools, NGOs and business in planning and doing the work (UNDP key element 2).
enum CommunityIndicators {
    static func all(_ context: IndicatorContext) -> [IndicatorResult] {
        [diversity(context), coPlanning(context), reach(context)]
    }

    /// The stakeholder categories of Hafteck (2003); schools and universities count as one.
    static let categories = ["schools and universities", "NGOs", "business", "citizens", "youth", "media"]

    /// The bit of a group's category in `categories`; 0 for government and leadership.
    static func bit(_ group: Participant.Group) -> UInt8 {
        switch group {
        case .government, .leadership: 0
        case .school, .university: 1 << 0
        case .ngo: 1 << 1
        case .business: 1 << 2
        case .citizens: 1 << 3
        case .youth: 1 << 4
        case .media: 1 << 5
        }
    }

    static func names(_ bits: UInt8) -> [String] {
        categories.indices.filter { bits & (1 << $0) != 0 }.map { categories[$0] }.sorted()
    }

    /// P1: distinct non-government groups of the home city taking part in the window.
    static func diversity(_ context: IndicatorContext) -> IndicatorResult {
        let window = context.facts.windowActivities
        guard !window.isEmpty else { return context.noData(.p1, "no activity in \(context.windowText)") }
        let home = names(window.reduce(0) { $0 | $1.homeCommunity })
        let partner = names(window.reduce(0) { $0 | $1.partnerCommunity })
        let value = Double(home.count)
        let describe = { (names: [String]) in names.isEmpty ? "none" : names.joined(separator: ", ") }
        return IndicatorResult(
            id: .p1, value: value, score: min(1, value / context.policy.target(.p1)),
            threshold: context.policy.threshold(.p1), records: window.filter { $0.homeCommunity != 0 }.map(\.id),
            explanation:
                "\(plural(home.count, "kind")) of community actor from \(context.homeName) took part in \(context.windowText) (\(describe(home))); from \(context.partnerName): \(describe(partner))"
        )
    }

    /// P2: activities in which community actors helped plan.
    static func coPlanning(_ context: IndicatorContext) -> IndicatorResult {
        let window = context.facts.windowActivities
        guard !window.isEmpty else { return context.noData(.p2, "no activity in \(context.windowText)") }
        let planned = window.filter(\.coPlannedByCommunity)
        return context.ratioResult(
            .p2, numerator: planned.count, denominator: window.count, records: planned.map(\.id),
            "community actors helped plan \(planned.count) of \(plural(window.count, "activity", "activities")) in \(context.windowText)"
        )
    }

    /// P3: how far the work reaches the public: activities published, and participants counted.
    static func reach(_ context: IndicatorContext) -> IndicatorResult {
        let window = context.facts.windowActivities
        guard !window.isEmpty else { return context.noData(.p3, "no activity in \(context.windowText)") }
        let published = window.filter(\.isPublic)
        let counted = window.filter(\.headcounted).count
        let people = window.reduce(0) { $0 + $1.homeHeadcount + $1.partnerHeadcount }
        let value = (Double(published.count) + Double(counted)) / (2 * Double(window.count))
        return IndicatorResult(
            id: .p3, value: value, score: min(1, value / context.policy.target(.p3)),
            threshold: context.policy.threshold(.p3), records: published.map(\.id),
            explanation:
                "\(published.count) of \(plural(window.count, "activity", "activities")) in \(context.windowText) published to the public; participants counted for \(counted) (\(plural(people, "person", "people")))"
        )
    }
}
