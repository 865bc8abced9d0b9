/// Writes an evaluation as the JSON of `kembar evaluate --format json` (INTERCHANGE.md).
public enum EvaluationEncoder {
    public static func encode(_ evaluation: Evaluation) -> [UInt8] {
        var output: [UInt8] = []
        write(evaluation.partnerships, asOf: evaluation.asOf, policy: evaluation.policy) {
            output.append(contentsOf: $0)
        }
        return output
    }

    /// Writes the evaluation in pieces of about a megabyte, taking each partnership's result as it
    /// is computed; the bytes are those of `JSONWriter.bytes(value(evaluation))`.
    public static func write<E: Error>(
        _ partnerships: some Sequence<PartnershipEvaluation>, asOf: CalendarDay, policy: EvaluationPolicy,
        to emit: ([UInt8]) throws(E) -> Void
    ) throws(E) {
        var buffer: [UInt8] = []
        buffer.append(contentsOf: "{\n".utf8)
        JSONWriter.writeIndent(1, to: &buffer)
        buffer.append(contentsOf: "\"asOf\": ".utf8)
        JSONWriter.writeString(asOf.description, to: &buffer)
        buffer.append(contentsOf: ",\n".utf8)
        JSONWriter.writeIndent(1, to: &buffer)
        buffer.append(contentsOf: "\"policy\": ".utf8)
        JSONWriter.write(PolicyCodec.value(policy), indent: 1, to: &buffer)
        buffer.append(contentsOf: ",\n".utf8)
        JSONWriter.writeIndent(1, to: &buffer)
        buffer.append(contentsOf: "\"partnerships\": [".utf8)
        var count = 0
        for partnership in partnerships {
            buffer.append(contentsOf: count == 0 ? "\n".utf8 : ",\n".utf8)
            JSONWriter.writeIndent(2, to: &buffer)
            JSONWriter.write(value(partnership), indent: 2, to: &buffer)
            count += 1
            if buffer.count >= 1 << 20 {
                try emit(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if count > 0 {
            buffer.append(0x0A)
            JSONWriter.writeIndent(1, to: &buffer)
        }
        buffer.append(contentsOf: "]\n}\n".utf8)
        try emit(buffer)
    }

    public static func value(_ evaluation: Evaluation) -> JSONValue {
        .object([
            .init("asOf", .string(evaluation.asOf.description)),
            .init("policy", PolicyCodec.value(evaluation.policy)),
            .init("partnerships", .array(evaluation.partnerships.map(value))),
        ])
    }

    static func value(_ partnership: PartnershipEvaluation) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("id", .string(partnership.id)),
            .init(
                "elements",
                .object(
                    KeyElement.allCases.compactMap { element in
                        partnership.elements[element].map { .init(element.rawValue, value($0)) }
                    })),
            .init(
                "vacuums",
                .array(
                    partnership.vacuums.map { vacuum in
                        var fields: [JSONValue.Member] = [
                            .init("from", .string(vacuum.from)), .init("to", .string(vacuum.to)),
                            .init("days", .number(Double(vacuum.days))),
                        ]
                        if vacuum.ongoing { fields.append(.init("ongoing", .bool(true))) }
                        return .object(fields)
                    })),
        ]
        if let days = partnership.currentSilenceDays {
            members.append(.init("currentSilenceDays", .number(Double(days))))
        }
        members.append(.init("obligations", .array(partnership.obligations.map(value))))
        members.append(.init("alarms", .array(partnership.alarms.map(value))))
        return .object(members)
    }

    static func value(_ verdict: ElementVerdict) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("status", .string(verdict.status.rawValue)),
            .init("score", verdict.score.map { .number(rounded($0)) } ?? .null),
            .init("coverage", .number(rounded(verdict.coverage))),
            .init("indicators", .array(verdict.indicators.map(value))),
        ]
        if let cap = verdict.cap {
            members.append(
                .init(
                    "cap",
                    .object([.init("indicator", .string(cap.indicator.rawValue)), .init("reason", .string(cap.reason))])
                ))
        }
        if let assessment = verdict.assessment {
            members.append(
                .init(
                    "assessment",
                    .object([
                        .init("status", .string(assessment.status.rawValue)), .init("by", .string(assessment.by)),
                        .init("date", .string(assessment.date.description)), .init("note", .string(assessment.note)),
                    ])))
        }
        return .object(members)
    }

    static func value(_ indicator: IndicatorResult) -> JSONValue {
        .object([
            .init("id", .string(indicator.id.rawValue)),
            .init("name", .string(indicator.id.name)),
            .init("value", indicator.value.map { .number(rounded($0)) } ?? .null),
            .init("score", indicator.score.map { .number(rounded($0)) } ?? .null),
            .init("threshold", .number(indicator.threshold)),
            .init("records", .array(indicator.records.map(JSONValue.string))),
            .init("explanation", .string(indicator.explanation)),
        ])
    }

    static func value(_ occurrence: ObligationOccurrence) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("obligation", .string(occurrence.obligation)),
            .init("periodStart", .string(occurrence.periodStart.description)),
            .init("due", .string(occurrence.due.description)),
            .init("status", .string(occurrence.status.rawValue)),
            .init("fulfilledBy", .array(occurrence.fulfilledBy.map(JSONValue.string))),
        ]
        if let host = occurrence.host { members.append(.init("host", .string(host.rawValue))) }
        if occurrence.alternationBroken { members.append(.init("alternationBroken", .bool(true))) }
        return .object(members)
    }

    static func value(_ alarm: Alarm) -> JSONValue {
        // "since" is always present, null where the condition has no date (an overloaded office).
        var members: [JSONValue.Member] = [
            .init("kind", .string(alarm.kind.rawValue)), .init("since", alarm.since.map(JSONValue.string) ?? .null),
        ]
        if let due = alarm.due { members.append(.init("due", .string(due))) }
        members.append(.init("message", .string(alarm.message)))
        members.append(.init("records", .array(alarm.records.map(JSONValue.string))))
        return .object(members)
    }

    /// Four decimals: enough to read, stable to compare.
    static func rounded(_ number: Double) -> Double {
        (number * 10_000).rounded() / 10_000
    }
}
