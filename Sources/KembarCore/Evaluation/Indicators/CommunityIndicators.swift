/// P1–P3: citizens, schools, NGOs and business in planning and doing the work (UNDP key element 2).
enum CommunityIndicators {
    static func all(_ context: IndicatorContext) -> [IndicatorResult] {
        [diversity(context), coPlanning(context), reach(context)]
    }

    /// The stakeholder categories of Hafteck (2003), as vocabulary keys; schools and universities
    /// count as one.
    static let categories = ["school", "ngo", "business", "citizens", "youth", "media"]

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

    static func terms(_ bits: UInt8) -> [PhraseArgument] {
        categories.indices.filter { bits & (1 << $0) != 0 }.map {
            .term("community.\(categories[$0])", fallback: categories[$0])
        }
    }

    /// P1: distinct non-government groups of the home city taking part in the window.
    static func diversity(_ context: IndicatorContext) -> IndicatorResult {
        let window = context.facts.windowActivities
        guard !window.isEmpty else { return context.noData(.p1, context.noWindowActivity) }
        let home = terms(window.reduce(0) { $0 | $1.homeCommunity })
        let partner = terms(window.reduce(0) { $0 | $1.partnerCommunity })
        let none = PhraseArgument.term("none", fallback: "none")
        return context.scaledResult(
            .p1, value: Double(home.count), records: window.filter { $0.homeCommunity != 0 }.map { $0.id },
            [
                Phrase(
                    "p1.kinds", .count(home.count), .text(context.homeName), context.activityWindow,
                    home.isEmpty ? none : .list(home), .text(context.partnerName),
                    partner.isEmpty ? none : .list(partner))
            ])
    }

    /// P2: activities in which community actors helped plan.
    static func coPlanning(_ context: IndicatorContext) -> IndicatorResult {
        let window = context.facts.windowActivities
        guard !window.isEmpty else { return context.noData(.p2, context.noWindowActivity) }
        let planned = window.filter { $0.coPlannedByCommunity }
        return context.ratioResult(
            .p2, numerator: planned.count, denominator: window.count, records: planned.map { $0.id },
            Phrase("p2.co-planned", .count(planned.count), .count(window.count), context.activityWindow))
    }

    /// P3: how far the work reaches the public: activities published, and participants counted.
    static func reach(_ context: IndicatorContext) -> IndicatorResult {
        let window = context.facts.windowActivities
        guard !window.isEmpty else { return context.noData(.p3, context.noWindowActivity) }
        let published = window.filter { $0.isPublic }
        let counted = window.filter { $0.headcounted }.count
        let people = window.reduce(0) { $0 + $1.homeHeadcount + $1.partnerHeadcount }
        return context.scaledResult(
            .p3, value: (Double(published.count) + Double(counted)) / (2 * Double(window.count)),
            records: published.map { $0.id },
            [
                Phrase(
                    "p3.reach", .count(published.count), .count(window.count), context.activityWindow, .count(counted),
                    .count(people))
            ])
    }
}
