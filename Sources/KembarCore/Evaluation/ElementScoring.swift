/// Turns an element's indicators into its verdict: weighted mean score, coverage, status band,
/// and the cap of its defining indicator.
enum ElementScoring {
    static func verdict(
        _ element: KeyElement, indicators: [IndicatorResult], assessments: [Assessment], policy: EvaluationPolicy
    ) -> ElementVerdict {
        let withData = indicators.filter(\.hasData)
        let coverage = indicators.isEmpty ? 0 : Double(withData.count) / Double(indicators.count)
        let totalWeight = withData.reduce(0) { $0 + policy.weight($1.id) }
        var score: Double? =
            totalWeight > 0
            ? withData.reduce(0) { $0 + policy.weight($1.id) * ($1.score ?? 0) } / totalWeight : nil
        var status: ElementStatus = .unknown
        var cap: ElementVerdict.Cap?
        if coverage >= policy.minimumCoverage, let computed = score {
            status = policy.status(forScore: computed)
            let coreID = IndicatorID.core(of: element)
            if let core = withData.first(where: { $0.id == coreID }), let coreScore = core.score {
                let coreStatus = policy.status(forScore: coreScore)
                if rank(coreStatus) < rank(status) {
                    cap = ElementVerdict.Cap(
                        indicator: coreID,
                        phrase: Phrase(
                            "cap", .term("element.\(element.rawValue)", fallback: element.rawValue),
                            .text(coreID.rawValue),
                            .term("indicator.\(coreID.rawValue)", fallback: coreID.name),
                            .term("status.\(coreStatus.rawValue)", fallback: coreStatus.rawValue)))
                    status = coreStatus
                    score = min(computed, coreScore)
                }
            }
        }
        let latest = assessments.filter { $0.element == element }
            .max {
                ($0.date.span.upperBound, $0.by, $0.status.rawValue, $0.note)
                    < ($1.date.span.upperBound, $1.by, $1.status.rawValue, $1.note)
            }
        return ElementVerdict(
            status: status, score: score, coverage: coverage, indicators: indicators, cap: cap, assessment: latest)
    }

    private static func rank(_ status: ElementStatus) -> Int {
        switch status {
        case .unmet: 0
        case .partial: 1
        case .met: 2
        case .unknown: 3
        }
    }
}
