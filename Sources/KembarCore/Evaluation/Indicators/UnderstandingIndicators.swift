/// U1–U4: a shared, written understanding of goals, roles and time frame (UNDP key element 3).
enum UnderstandingIndicators {
    static func all(_ context: IndicatorContext) -> [IndicatorResult] {
        [completeness(context), linkage(context), currency(context), informationFlow(context)]
    }

    /// What a complete agreement states (Nuffield's "clarity of purpose").
    static let completenessItems: [(name: String, present: @Sendable (Agreement) -> Bool)] = [
        ("objectives", { !$0.objectives.isEmpty }),
        ("areas", { !$0.areas.isEmpty }),
        ("roles of each side", { $0.clauses.contains("roles") }),
        ("time frame", { $0.clauses.contains("timeframe") || $0.validUntil != nil }),
        ("focal points", { $0.clauses.contains("focal-points") }),
        ("funding", { $0.clauses.contains("funding") }),
        ("dispute resolution", { $0.clauses.contains("dispute-resolution") }),
        ("review", { $0.clauses.contains("review") }),
    ]

    /// U1: the governing agreement's completeness.
    static func completeness(_ context: IndicatorContext) -> IndicatorResult {
        guard let agreement = context.facts.currentAgreement else {
            return context.noData(.u1, "no agreement signed")
        }
        let present = completenessItems.filter { $0.present(agreement) }.map(\.name)
        let missing = completenessItems.filter { !$0.present(agreement) }.map(\.name)
        var explanation = "agreement \(agreement.id) states \(present.count) of \(completenessItems.count) essentials"
        if !missing.isEmpty { explanation += "; missing: " + missing.joined(separator: ", ") }
        return context.ratioResult(
            .u1, numerator: present.count, denominator: completenessItems.count, records: [agreement.id], explanation)
    }

    /// U2: activities in the window that serve an agreed area.
    static func linkage(_ context: IndicatorContext) -> IndicatorResult {
        let facts = context.facts
        guard facts.agreements.contains(where: { !$0.areas.isEmpty }) else {
            return context.noData(.u2, "no agreed areas are recorded")
        }
        let window = facts.windowActivities
        guard !window.isEmpty else { return context.noData(.u2, "no activity in \(context.windowText)") }
        let linked = window.filter(\.servesAgreedArea)
        return context.ratioResult(
            .u2, numerator: linked.count, denominator: window.count, records: linked.map(\.id),
            "\(linked.count) of \(plural(window.count, "activity", "activities")) in \(context.windowText) serve an agreed area"
        )
    }

    /// U3: an agreement in force, and a joint review in the window.
    static func currency(_ context: IndicatorContext) -> IndicatorResult {
        let facts = context.facts
        guard let agreement = facts.currentAgreement else { return context.noData(.u3, "no agreement signed") }
        let inForce = isInForce(agreement, on: facts.asOf)
        let reviews =
            facts.partnership.stages.filter { stage in
                (stage.stage == .review || stage.stage == .renewal) && stage.date.span.lowerBound <= facts.asOf
                    && stage.date.span.upperBound >= facts.windowStart
            }.map { "\($0.stage.rawValue) \($0.date)" }
            + facts.agreements.filter {
                ($0.type == .renewal || $0.type == .addendum) && $0.signed.span.upperBound >= facts.windowStart
            }
            .map(\.id)
        let value = ((inForce ? 1.0 : 0) + (reviews.isEmpty ? 0 : 1)) / 2
        let validity =
            inForce
            ? "agreement \(agreement.id) is in force"
                + (agreement.validUntil.map { " until \($0)" } ?? " with no end date")
            : "agreement \(agreement.id) is not in force" + (agreement.validUntil.map { " (it ended \($0))" } ?? "")
        return IndicatorResult(
            id: .u3, value: value, score: min(1, value / context.policy.target(.u3)),
            threshold: context.policy.threshold(.u3), records: [agreement.id],
            explanation:
                validity + "; "
                + (reviews.isEmpty ? "no joint review in \(context.windowText)" : "reviewed in \(context.windowText)"))
    }

    /// U4: joint meetings and communications per year in the window.
    static func informationFlow(_ context: IndicatorContext) -> IndicatorResult {
        let facts = context.facts
        let exchanges: (Activity) -> Bool = { $0.kind == .meeting || $0.kind == .communication }
        guard facts.partnership.activities.contains(where: exchanges) else {
            return context.noData(.u4, "the record holds no meeting or communication at all")
        }
        let inWindow = facts.windowActivities.filter { $0.kind == .meeting || $0.kind == .communication }
        let perYear = Double(inWindow.count) / Double(max(facts.policy.windowYears, 1))
        return IndicatorResult(
            id: .u4, value: perYear, score: min(1, perYear / context.policy.target(.u4)),
            threshold: context.policy.threshold(.u4), records: inWindow.map(\.id),
            explanation:
                "\(plural(inWindow.count, "joint meeting or communication", "joint meetings or communications")) in \(context.windowText): \(plain(perYear)) a year"
        )
    }

    static func isInForce(_ agreement: Agreement, on day: CalendarDay) -> Bool {
        let start = (agreement.validFrom ?? agreement.signed).span.lowerBound
        let end = agreement.validUntil?.span.upperBound
        return start <= day && (end.map { $0 >= day } ?? true)
    }
}
