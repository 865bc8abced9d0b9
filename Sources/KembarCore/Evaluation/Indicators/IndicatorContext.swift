import Foundation

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

    var policy: EvaluationPolicy { facts.policy }
    var windowText: String { "the last \(policy.windowYears) years" }

    func name(of side: Side) -> String {
        side == .home ? homeName : partnerName
    }

    func ratioResult(_ id: IndicatorID, numerator: Int, denominator: Int, records: [String], _ explanation: String)
        -> IndicatorResult
    {
        let value = Double(numerator) / Double(denominator)
        return IndicatorResult(
            id: id, value: value, score: min(1, value / policy.target(id)), threshold: policy.threshold(id),
            records: records, explanation: explanation)
    }

    func balanceResult(_ id: IndicatorID, balance: Double, records: [String], _ explanation: String) -> IndicatorResult
    {
        IndicatorResult(
            id: id, value: balance, score: policy.reciprocityScore(balance: balance), threshold: policy.threshold(id),
            records: records, explanation: explanation)
    }

    func noData(_ id: IndicatorID, _ explanation: String) -> IndicatorResult {
        .noData(id, threshold: policy.threshold(id), "no data: " + explanation)
    }
}

/// 1 − |a − b| ÷ (a + b): 1 when both sides weigh the same, 0 when everything is on one side.
func balance(_ first: Double, _ second: Double) -> Double? {
    first + second > 0 ? 1 - abs(first - second) / (first + second) : nil
}

/// Whole numbers without a fraction, others with up to two decimals.
func plain(_ number: Double) -> String {
    number == number.rounded() ? String(Int(number)) : String(format: "%.2f", number)
}

func plural(_ count: Int, _ noun: String, _ nouns: String? = nil) -> String {
    "\(count) \(count == 1 ? noun : nouns ?? noun + "s")"
}
