/// What the indicator functions read: the partnership's facts, its obligation occurrences, the
/// office's load, and the words to name each side in explanations.
struct IndicatorContext: Sendable {
    let facts: PartnershipFacts
    let occurrences: [ObligationOccurrence]
    let silence: Silence
    /// Partnerships per cooperation officer; nil when the officers are not recorded.
    let officeLoad: (partnerships: Int, officers: Int)?
    let homeName: String
    let partnerName: String
    /// What went each way in the activity window, which R1 to R3 weigh.
    let flows: ReciprocityFlows

    var policy: EvaluationPolicy { facts.policy }
    /// "the last 3 years": the rolling window before the evaluation date.
    var recentWindow: PhraseArgument { .phrase(Phrase("window.last", .count(policy.windowYears))) }
    /// The window the activities were judged in, said as it is.
    var activityWindow: PhraseArgument { .phrase(facts.activityWindowPhrase) }
    var noWindowActivity: Phrase { Phrase("no-window-activity", activityWindow) }

    func name(of side: Side) -> String {
        side == .home ? homeName : partnerName
    }

    func ratioResult(_ id: IndicatorID, numerator: Int, denominator: Int, records: [String], _ phrases: Phrase...)
        -> IndicatorResult
    {
        scaledResult(id, value: Double(numerator) / Double(denominator), records: records, phrases)
    }

    func scaledResult(_ id: IndicatorID, value: Double, records: [String], _ phrases: [Phrase]) -> IndicatorResult {
        IndicatorResult(
            id: id, value: value, score: min(1, value / policy.target(id)), threshold: policy.threshold(id),
            records: records, phrases: phrases)
    }

    func balanceResult(_ id: IndicatorID, balance: Double, records: [String], _ phrases: [Phrase]) -> IndicatorResult {
        IndicatorResult(
            id: id, value: balance, score: policy.reciprocityScore(balance: balance), threshold: policy.threshold(id),
            records: records, phrases: phrases)
    }

    func noData(_ id: IndicatorID, _ reason: Phrase) -> IndicatorResult {
        .noData(id, threshold: policy.threshold(id), reason)
    }
}

/// 1 − |a − b| ÷ (a + b): 1 when both sides weigh the same, 0 when everything is on one side.
func balance(_ first: Double, _ second: Double) -> Double? {
    first + second > 0 ? 1 - abs(first - second) / (first + second) : nil
}

/// Whole numbers without a fraction, others with up to two decimals.
@Sendable func plain(_ number: Double) -> String {
    if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
    let hundredths = Int64((number * 100).rounded())
    let sign = number < 0 && hundredths > -100 ? "-" : ""
    let fraction = abs(hundredths % 100)
    let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
    return "\(sign)\(hundredths / 100)" + (fraction == 0 ? "" : "." + digits)
}

/// A list in parentheses, or nothing when it is empty.
func parenthesized(_ items: [PhraseArgument]) -> PhraseArgument {
    items.isEmpty ? .empty : .phrase(Phrase("in-parentheses", .list(items)))
}
