/// T1–T5: direct and indirect results of the work (UNDP key element 5). Results accumulate, and
/// so does their loss: these indicators look at the whole history, not the window.
enum ResultsIndicators {
    static func all(_ context: IndicatorContext) -> [IndicatorResult] {
        [recorded(context), evidenced(context), quantified(context), delivered(context), sustained(context)]
    }

    private static func total(_ context: IndicatorContext, _ count: (ActivityFacts) -> Int) -> Int {
        context.facts.activities.reduce(0) { $0 + count($1) }
    }

    /// T1: activities with at least one recorded result.
    static func recorded(_ context: IndicatorContext) -> IndicatorResult {
        let activities = context.facts.activities
        guard !activities.isEmpty else { return context.noData(.t1, Phrase("t1.none")) }
        let withResults = activities.filter { $0.results > 0 }
        return context.ratioResult(
            .t1, numerator: withResults.count, denominator: activities.count, records: withResults.map { $0.id },
            Phrase("t1.recorded", .count(withResults.count), .count(activities.count)))
    }

    /// T2: results backed by at least one document.
    static func evidenced(_ context: IndicatorContext) -> IndicatorResult {
        let facts = context.facts
        let all = total(context) { $0.results }
        guard all > 0 else { return context.noData(.t2, Phrase("t2.none")) }
        let backed = total(context) { $0.evidencedResults }
        let direct = total(context) { $0.directResults }
        var documents: Set<String> = []
        for entry in facts.activities where entry.evidencedResults > 0 {
            for result in facts.record(entry).results { documents.formUnion(result.evidence) }
        }
        return context.ratioResult(
            .t2, numerator: backed, denominator: all, records: documents.sorted(),
            Phrase("t2.evidenced", .count(backed), .count(all), .count(direct), .count(all - direct)))
    }

    /// T3: results with a number (beneficiaries, students, visitors, investment).
    static func quantified(_ context: IndicatorContext) -> IndicatorResult {
        let facts = context.facts
        let all = total(context) { $0.results }
        guard all > 0 else { return context.noData(.t3, Phrase("t2.none")) }
        let counted = facts.activities.filter { $0.quantifiedResults > 0 }
        let examples = counted.prefix(3).compactMap { entry -> PhraseArgument? in
            facts.record(entry).results.lazy.compactMap(\.quantity).first.map {
                .phrase(Phrase("amount", .number($0.value), .text($0.unit)))
            }
        }
        let quantified = total(context) { $0.quantifiedResults }
        return context.ratioResult(
            .t3, numerator: quantified, denominator: all, records: counted.map { $0.id },
            Phrase("t3.quantified", .count(quantified), .count(all), parenthesized(examples)))
    }

    /// T4: results delivered of those planned.
    static func delivered(_ context: IndicatorContext) -> IndicatorResult {
        let planned = total(context) { $0.plannedResults }
        guard planned > 0 else { return context.noData(.t4, Phrase("t4.none")) }
        let done = total(context) { $0.deliveredPlans }
        return context.ratioResult(
            .t4, numerator: done, denominator: planned,
            records: context.facts.activities.filter { $0.deliveredPlans > 0 }.map { $0.id },
            Phrase("t4.delivered", .count(done), .count(planned)))
    }

    /// T5: results still in use a year on, of those old enough to tell and marked either way.
    static func sustained(_ context: IndicatorContext) -> IndicatorResult {
        let judged = total(context) { $0.judgedResults }
        guard judged > 0 else { return context.noData(.t5, Phrase("t5.none")) }
        let lasting = total(context) { $0.sustainedResults }
        return context.ratioResult(
            .t5, numerator: lasting, denominator: judged,
            records: context.facts.activities.filter { $0.sustainedResults > 0 }.map { $0.id },
            Phrase("t5.sustained", .count(lasting), .count(judged)))
    }
}
