/// P1–P3: citizens, schools, NGOs and business in planning and doing the work (UNDP key element 2).
enum CommunityIndicators {
    static func all(_ context: IndicatorContext) -> [IndicatorResult] {
        [diversity(context), coPlanning(context), reach(context)]
    }

    /// The stakeholder categories of Hafteck (2003); schools and universities count as one.
    static func category(_ group: Participant.Group) -> String? {
        switch group {
        case .government, .leadership: nil
        case .school, .university: "schools and universities"
        case .ngo: "NGOs"
        case .business: "business"
        case .citizens: "citizens"
        case .youth: "youth"
        case .media: "media"
        }
    }

    /// P1: distinct non-government groups of the home city taking part in the window.
    static func diversity(_ context: IndicatorContext) -> IndicatorResult {
        let window = context.facts.windowActivities
        guard !window.isEmpty else { return context.noData(.p1, "no activity in \(context.windowText)") }
        func categories(_ side: Side) -> [String] {
            Set(
                window.flatMap { $0.activity.participants.filter { $0.side == side }.compactMap { category($0.group) } }
            )
            .sorted()
        }
        let home = categories(.home)
        let partner = categories(.partner)
        let records = window.filter { entry in
            entry.activity.participants.contains { $0.side == .home && $0.group.isCommunity }
        }.map(\.activity.id)
        let value = Double(home.count)
        let describe = { (names: [String]) in names.isEmpty ? "none" : names.joined(separator: ", ") }
        return IndicatorResult(
            id: .p1, value: value, score: min(1, value / context.policy.target(.p1)),
            threshold: context.policy.threshold(.p1), records: records,
            explanation:
                "\(plural(home.count, "kind")) of community actor from \(context.homeName) took part in \(context.windowText) (\(describe(home))); from \(context.partnerName): \(describe(partner))"
        )
    }

    /// P2: activities in which community actors helped plan.
    static func coPlanning(_ context: IndicatorContext) -> IndicatorResult {
        let window = context.facts.windowActivities
        guard !window.isEmpty else { return context.noData(.p2, "no activity in \(context.windowText)") }
        let planned = window.filter { entry in
            entry.activity.participants.contains { $0.group.isCommunity && $0.role == .planner }
        }
        return context.ratioResult(
            .p2, numerator: planned.count, denominator: window.count, records: planned.map(\.activity.id),
            "community actors helped plan \(planned.count) of \(plural(window.count, "activity", "activities")) in \(context.windowText)"
        )
    }

    /// P3: how far the work reaches the public: activities published, and participants counted.
    static func reach(_ context: IndicatorContext) -> IndicatorResult {
        let window = context.facts.windowActivities
        guard !window.isEmpty else { return context.noData(.p3, "no activity in \(context.windowText)") }
        let published = window.filter(\.activity.isPublic)
        let counted = window.filter { entry in entry.activity.participants.contains { $0.count != nil } }
        let people = window.flatMap(\.activity.participants).compactMap(\.count).reduce(0, +)
        let value = (Double(published.count) + Double(counted.count)) / (2 * Double(window.count))
        return IndicatorResult(
            id: .p3, value: value, score: min(1, value / context.policy.target(.p3)),
            threshold: context.policy.threshold(.p3), records: published.map(\.activity.id),
            explanation:
                "\(published.count) of \(plural(window.count, "activity", "activities")) in \(context.windowText) published to the public; participants counted for \(counted.count) (\(plural(people, "person", "people")))"
        )
    }
}
