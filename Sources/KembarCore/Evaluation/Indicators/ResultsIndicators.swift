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
        guard !activities.isEmpty else { return context.noData(.t1, "no activity has taken place yet") }
        let withResults = activities.filter { $0.results > 0 }
        return context.ratioResult(
            .t1, numerator: withResults.count, denominator: activities.count, records: withResults.map(\.id),
            "\(withResults.count) of \(plural(activities.count, "activity", "activities")) have a recorded result")
    }

    /// T2: results backed by at least one document.
    static func evidenced(_ context: IndicatorContext) -> IndicatorResult {
        let facts = context.facts
        let all = total(context, \.results)
        guard all > 0 else { return context.noData(.t2, "no result recorded") }
        let backed = total(context, \.evidencedResults)
        let direct = total(context, \.directResults)
        var documents: Set<String> = []
        for entry in facts.activities where entry.evidencedResults > 0 {
            for result in facts.record(entry).results { documents.formUnion(result.evidence) }
        }
        return context.ratioResult(
            .t2, numerator: backed, denominator: all, records: documents.sorted(),
            "\(backed) of \(plural(all, "result")) have evidence (\(direct) direct, \(all - direct) indirect)")
    }

    /// T3: results with a number (beneficiaries, students, visitors, investment).
    static func quantified(_ context: IndicatorContext) -> IndicatorResult {
        let facts = context.facts
        let all = total(context, \.results)
        guard all > 0 else { return context.noData(.t3, "no result recorded") }
        let counted = facts.activities.filter { $0.quantifiedResults > 0 }
        let examples = counted.prefix(3).compactMap { entry in
            facts.record(entry).results.lazy.compactMap(\.quantity).first.map { "\(plain($0.value)) \($0.unit)" }
        }
        let quantified = total(context, \.quantifiedResults)
        return context.ratioResult(
            .t3, numerator: quantified, denominator: all, records: counted.map(\.id),
            "\(quantified) of \(plural(all, "result")) are quantified"
                + (examples.isEmpty ? "" : " (" + examples.joined(separator: ", ") + ")"))
    }

    /// T4: results delivered of those planned.
    static func delivered(_ context: IndicatorContext) -> IndicatorResult {
        let planned = total(context, \.plannedResults)
        guard planned > 0 else { return context.noData(.t4, "no result is marked as planned") }
        let done = total(context, \.deliveredPlans)
        return context.ratioResult(
            .t4, numerator: done, denominator: planned,
            records: context.facts.activities.filter { $0.deliveredPlans > 0 }.map(\.id),
            "\(done) of \(plural(planned, "planned result")) delivered")
    }

    /// T5: results still in use a year on, of those old enough to tell and marked either way.
    static func sustained(_ context: IndicatorContext) -> IndicatorResult {
        let judged = total(context, \.judgedResults)
        guard judged > 0 else {
            return context.noData(.t5, "no result old enough to tell is marked as sustained or not")
        }
        let lasting = total(context, \.sustainedResults)
        return context.ratioResult(
            .t5, numerator: lasting, denominator: judged,
            records: context.facts.activities.filter { $0.sustainedResults > 0 }.map(\.id),
            "\(lasting) of \(plural(judged, "result")) old enough to tell are still in use")
    }
}
