/// A scorecard for a terminal: each element's verdict with its indicators, then vacuums and alarms.
public enum ScorecardText {
    public static func render(_ evaluation: Evaluation, record: CooperationRecord) -> String {
        var text = ""
        write(evaluation.partnerships, asOf: evaluation.asOf, policy: evaluation.policy, record: record) { text += $0 }
        return text
    }

    /// Writes the scorecard one partnership at a time, as results are computed.
    public static func write<E: Error>(
        _ partnerships: some Sequence<PartnershipEvaluation>, asOf: CalendarDay, policy: EvaluationPolicy,
        record: CooperationRecord, to emit: (String) throws(E) -> Void
    ) throws(E) {
        let names = Dictionary(uniqueKeysWithValues: record.partnerships.map { ($0.id, $0.partner.name) })
        try emit("Evaluation as of \(asOf), policy \"\(policy.name)\"\n")
        for partnership in partnerships {
            var lines: [String] = [""]
            lines.append(
                "\(record.organization.place.name) – \(names[partnership.id] ?? partnership.id)  [\(partnership.id)]")
            for element in KeyElement.allCases {
                guard let verdict = partnership.elements[element] else { continue }
                let score = verdict.score.map { format($0) } ?? "  – "
                var heading =
                    "  " + pad(element.rawValue, 25) + pad(verdict.status.rawValue.uppercased(), 9) + "score " + score
                    + "  coverage " + format(verdict.coverage)
                if let cap = verdict.cap { heading += "  (held down by \(cap.indicator.rawValue))" }
                lines.append(heading)
                for indicator in verdict.indicators {
                    let mark = indicator.score == nil ? "·" : indicator.isMet.map { $0 ? "✓" : "✗" } ?? "·"
                    let score = indicator.score.map { format($0) } ?? "  – "
                    lines.append(
                        "    \(mark) \(indicator.id.rawValue) \(pad(indicator.id.name, 23)) \(score)  \(indicator.explanation)"
                    )
                }
                if let assessment = verdict.assessment {
                    lines.append(
                        "      assessed \(assessment.status.rawValue) by \(assessment.by) (\(assessment.date))")
                }
            }
            if !partnership.vacuums.isEmpty {
                lines.append("  vacuums:")
                for vacuum in partnership.vacuums {
                    lines.append(
                        "    \(vacuum.from) to \(vacuum.to): \(vacuum.days) days\(vacuum.ongoing ? " (still silent)" : "")"
                    )
                }
            }
            if !partnership.alarms.isEmpty {
                lines.append("  alarms:")
                for alarm in partnership.alarms {
                    lines.append("    ! \(pad(alarm.kind.rawValue, 23)) \(alarm.message)")
                }
            }
            try emit(lines.joined(separator: "\n") + "\n")
        }
    }

    private static func format(_ number: Double) -> String {
        let hundredths = Int((number * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
