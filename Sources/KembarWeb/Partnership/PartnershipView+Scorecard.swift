import KembarCore

/// The scorecard and the areas, worded from what the evaluation decided: the view formats, Core
/// counts and judges.
extension PartnershipView {
    static func scorecard(
        _ evaluation: PartnershipEvaluation, anchors: [String: (anchor: String, name: String)], words: Words
    ) -> [ElementCard] {
        KeyElement.allCases.compactMap { element in
            guard let verdict = evaluation.elements[element] else { return nil }
            return ElementCard(
                anchor: "element-\(element.rawValue)", name: words.term(element, "element"),
                status: words.term(verdict.status, "status"), statusClass: "status-\(verdict.status.rawValue)",
                score: verdict.score.map { words.number(($0 * 100).rounded() / 100) } ?? "—",
                coverage: words.percent(verdict.coverage), cap: verdict.cap.map { words.say([$0.phrase]) },
                assessment: verdict.assessment.map {
                    words.text(
                        "assessment_line",
                        [
                            "status": words.term($0.status, "status"), "by": $0.by, "date": words.date($0.date),
                            "note": $0.note,
                        ])
                },
                indicators: verdict.indicators.map { indicator($0, anchors: anchors, words: words) })
        }
    }

    private static func indicator(
        _ indicator: IndicatorResult, anchors: [String: (anchor: String, name: String)], words: Words
    ) -> IndicatorLine {
        IndicatorLine(
            id: indicator.id.rawValue,
            name: words.term("indicator.\(indicator.id.rawValue)", fallback: indicator.id.name),
            value: indicator.value.map { words.number(($0 * 100).rounded() / 100) } ?? "—",
            score: indicator.score.map { words.number(($0 * 100).rounded() / 100) } ?? "—",
            threshold: words.number(indicator.threshold), explanation: words.say(indicator.phrases),
            mark: indicator.isMet.map { $0 ? "✓" : "✗" } ?? "·",
            markLabel: words.text(indicator.isMet.map { $0 ? "mark_reached" : "mark_short" } ?? "mark_no_data"),
            records: indicator.records.enumerated().map { index, record in
                let known = anchors[record]
                return RecordLink(
                    href: "#" + (known?.anchor ?? SitePath.anchor("record", record)),
                    label: known?.name ?? record, lead: index == 0 ? " " : "; ")
            },
            hasRecords: !indicator.records.isEmpty)
    }

    static func areas(_ coverage: [AreaCoverage], words: Words) -> [AreaLine] {
        coverage.map { line in
            AreaLine(
                area: words.term("area.\(line.area)", fallback: line.area), activities: words.count(line.activities),
                last: line.lastActivity.map { words.date($0) } ?? "—",
                untouched: line.neverImplementedSince.map { signed in
                    // Served before the agreement it is judged under, it was implemented once.
                    line.activities == 0
                        ? words.text("area_never") : words.text("area_never_since", ["date": words.date(signed)])
                },
                agreed: line.agreed)
        }
    }
}
