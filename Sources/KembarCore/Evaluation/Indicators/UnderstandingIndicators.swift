/// U1–U4: a shared, written understanding of goals, roles and time frame (UNDP key element 3).
enum UnderstandingIndicators {
    static func all(_ context: IndicatorContext) -> [IndicatorResult] {
        [completeness(context), linkage(context), currency(context), informationFlow(context)]
    }

    /// What a complete agreement states (Nuffield's "clarity of purpose"), by vocabulary key.
    static let completenessItems: [(key: String, present: @Sendable (Agreement) -> Bool)] = [
        ("objectives", { !$0.objectives.isEmpty }),
        ("areas", { !$0.areas.isEmpty }),
        ("roles", { $0.clauses.contains("roles") }),
        ("timeframe", { $0.clauses.contains("timeframe") || $0.validUntil != nil }),
        ("focal-points", { $0.clauses.contains("focal-points") }),
        ("funding", { $0.clauses.contains("funding") }),
        ("dispute-resolution", { $0.clauses.contains("dispute-resolution") }),
        ("review", { $0.clauses.contains("review") }),
    ]

    /// U1: the governing agreement's completeness.
    static func completeness(_ context: IndicatorContext) -> IndicatorResult {
        guard let agreement = context.facts.currentAgreement else { return context.noData(.u1, Phrase("u1.none")) }
        let present = completenessItems.filter { $0.present(agreement) }.count
        let missing = completenessItems.filter { !$0.present(agreement) }.map { item in
            PhraseArgument.term("essential.\(item.key)", fallback: item.key)
        }
        var phrases = [
            Phrase(
                "u1.essentials", .record(.agreement, id: agreement.id), .count(present), .count(completenessItems.count)
            )
        ]
        if !missing.isEmpty { phrases.append(Phrase("u1.missing", .list(missing))) }
        return context.scaledResult(
            .u1, value: Double(present) / Double(completenessItems.count), records: [agreement.id], phrases)
    }

    /// U2: activities in the window that serve an agreed area.
    static func linkage(_ context: IndicatorContext) -> IndicatorResult {
        let facts = context.facts
        guard facts.agreements.contains(where: { !$0.areas.isEmpty }) else {
            return context.noData(.u2, Phrase("u2.none"))
        }
        let window = facts.windowActivities
        guard !window.isEmpty else { return context.noData(.u2, context.noWindowActivity) }
        let linked = window.filter { $0.servesAgreedArea }
        return context.ratioResult(
            .u2, numerator: linked.count, denominator: window.count, records: linked.map { $0.id },
            Phrase("u2.linked", .count(linked.count), .count(window.count), context.activityWindow))
    }

    /// U3: an agreement in force, and a joint review in the window.
    static func currency(_ context: IndicatorContext) -> IndicatorResult {
        let facts = context.facts
        guard let agreement = facts.currentAgreement else { return context.noData(.u3, Phrase("u1.none")) }
        let inForce = isInForce(agreement, on: facts.asOf)
        let reviewed =
            facts.partnership.stages.contains { stage in
                (stage.stage == .review || stage.stage == .renewal) && stage.date.span.lowerBound <= facts.asOf
                    && stage.date.span.upperBound >= facts.windowStart
            }
            || facts.agreements.contains {
                ($0.type == .renewal || $0.type == .addendum) && $0.signed.span.upperBound >= facts.windowStart
            }
        let validity: Phrase =
            switch (inForce, agreement.validUntil) {
            case (true, let until?):
                Phrase("u3.in-force-until", .record(.agreement, id: agreement.id), .date(until.description))
            case (true, nil): Phrase("u3.in-force", .record(.agreement, id: agreement.id))
            case (false, let until?):
                Phrase("u3.ended", .record(.agreement, id: agreement.id), .date(until.description))
            case (false, nil): Phrase("u3.not-in-force", .record(.agreement, id: agreement.id))
            }
        return context.scaledResult(
            .u3, value: ((inForce ? 1.0 : 0) + (reviewed ? 1 : 0)) / 2, records: [agreement.id],
            [validity, Phrase(reviewed ? "u3.reviewed" : "u3.not-reviewed", context.recentWindow)])
    }

    /// U4: joint meetings and communications per year in the window.
    static func informationFlow(_ context: IndicatorContext) -> IndicatorResult {
        let facts = context.facts
        guard facts.partnership.activities.contains(where: { $0.kind == .meeting || $0.kind == .communication }) else {
            return context.noData(.u4, Phrase("u4.none"))
        }
        let inWindow = facts.windowActivities.filter { $0.kind == .meeting || $0.kind == .communication }
        let perYear = Double(inWindow.count) / Double(max(facts.policy.windowYears, 1))
        return context.scaledResult(
            .u4, value: perYear, records: inWindow.map { $0.id },
            [Phrase("u4.per-year", .count(inWindow.count), context.activityWindow, .number(perYear))])
    }

    static func isInForce(_ agreement: Agreement, on day: CalendarDay) -> Bool {
        let start = (agreement.validFrom ?? agreement.signed).span.lowerBound
        let end = agreement.validUntil?.span.upperBound
        return start <= day && (end.map { $0 >= day } ?? true)
    }
}
