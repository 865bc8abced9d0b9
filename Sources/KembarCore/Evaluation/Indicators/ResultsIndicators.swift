/// T1–T5: direct and indirect results of the work (UNDP key element 5). Results accumulate, and
/// so does their loss: these indicators look at the whole history, not the window.
enum ResultsIndicators {
    static func all(_ context: IndicatorContext) -> [IndicatorResult] {
        [recorded(context), evidenced(context), quantified(context), delivered(context), sustained(context)]
    }

    private static func results(_ context: IndicatorContext) -> [(
        span: TimedSpan, activity: Activity, result: ActivityResult
    )] {
        context.facts.activities.flatMap { entry in entry.activity.results.map { (entry.span, entry.activity, $0) } }
    }

    /// T1: activities with at least one recorded result.
    static func recorded(_ context: IndicatorContext) -> IndicatorResult {
        let activities = context.facts.activities
        guard !activities.isEmpty else { return context.noData(.t1, "no activity has taken place yet") }
        let withResults = activities.filter { !$0.activity.results.isEmpty }
        return context.ratioResult(
            .t1, numerator: withResults.count, denominator: activities.count, records: withResults.map(\.activity.id),
            "\(withResults.count) of \(plural(activities.count, "activity", "activities")) have a recorded result")
    }

    /// T2: results backed by at least one document.
    static func evidenced(_ context: IndicatorContext) -> IndicatorResult {
        let all = results(context)
        guard !all.isEmpty else { return context.noData(.t2, "no result recorded") }
        let backed = all.filter { !$0.result.evidence.isEmpty }
        let direct = all.filter { $0.result.directness == .direct }
        return context.ratioResult(
            .t2, numerator: backed.count, denominator: all.count,
            records: Array(Set(backed.flatMap(\.result.evidence))).sorted(),
            "\(backed.count) of \(plural(all.count, "result")) have evidence (\(direct.count) direct, \(all.count - direct.count) indirect)"
        )
    }

    /// T3: results with a number (beneficiaries, students, visitors, investment).
    static func quantified(_ context: IndicatorContext) -> IndicatorResult {
        let all = results(context)
        guard !all.isEmpty else { return context.noData(.t3, "no result recorded") }
        let counted = all.filter { $0.result.quantity != nil }
        let examples = counted.prefix(3).map { "\(plain($0.result.quantity!.value)) \($0.result.quantity!.unit)" }
        return context.ratioResult(
            .t3, numerator: counted.count, denominator: all.count, records: counted.map(\.activity.id),
            "\(counted.count) of \(plural(all.count, "result")) are quantified"
                + (examples.isEmpty ? "" : " (" + examples.joined(separator: ", ") + ")"))
    }

    /// T4: results delivered of those planned.
    static func delivered(_ context: IndicatorContext) -> IndicatorResult {
        let planned = results(context).filter { $0.result.planned == true }
        guard !planned.isEmpty else { return context.noData(.t4, "no result is marked as planned") }
        let done = planned.filter { $0.result.delivered == true }
        return context.ratioResult(
            .t4, numerator: done.count, denominator: planned.count, records: done.map(\.activity.id),
            "\(done.count) of \(plural(planned.count, "planned result")) delivered")
    }

    /// T5: results still in use a year on, of those old enough to tell and marked either way.
    static func sustained(_ context: IndicatorContext) -> IndicatorResult {
        let facts = context.facts
        let judged = results(context).filter { entry in
            entry.result.sustained != nil
                && entry.span.latest.adding(days: facts.policy.sustainedAfterDays) <= facts.asOf
        }
        guard !judged.isEmpty else {
            return context.noData(.t5, "no result old enough to tell is marked as sustained or not")
        }
        let lasting = judged.filter { $0.result.sustained == true }
        return context.ratioResult(
            .t5, numerator: lasting.count, denominator: judged.count, records: lasting.map(\.activity.id),
            "\(lasting.count) of \(plural(judged.count, "result")) old enough to tell are still in use")
    }
}
