import Foundation

/// Reads and writes evaluation policy files (`kembar-policy/1`). A file need only state what it
/// changes; everything else keeps the default. Unknown fields, wrong types and impossible values
/// are reported with their JSON paths, as for records.
public enum PolicyCodec {
    public static let formatIdentifier = "kembar-policy/1"

    public static func decode(_ data: Data) throws(RecordValidationError) -> EvaluationPolicy {
        let value: JSONValue
        do {
            value = try JSONParser.parse(data)
        } catch {
            throw RecordValidationError(issues: [
                ValidationIssue(path: "$", kind: .syntax, message: "not valid JSON: \(error)")
            ])
        }
        let log = IssueLog()
        let policy = read(value, log: log)
        if let policy, log.issues.isEmpty { return policy }
        throw RecordValidationError(issues: log.issues)
    }

    private static let fields = [
        "format", "name", "description", "windowYears", "dormancyDays", "bands", "minimumCoverage", "weights",
        "targets",
        "thresholds", "officeLoad", "reciprocity", "agreementNoticeDays", "obligationNoticeDays",
        "onceObligationGraceDays", "sustainedAfterDays", "publishedShareAlarm", "catchAllAreas",
    ]

    private static func read(_ value: JSONValue, log: IssueLog) -> EvaluationPolicy? {
        guard let reader = ObjectReader(value, path: "$", fields: fields, log: log) else { return nil }
        var policy = EvaluationPolicy.standard
        if let format = reader.string("format", required: false), format != formatIdentifier {
            log.add(
                reader.childPath("format"), .unsupportedFormat,
                "\"\(format)\" is not supported; use \"\(formatIdentifier)\"")
        }
        guard let name = reader.identifier("name") else { return nil }
        policy.name = name
        policy.description = reader.string("description", required: false)
        func positive(_ key: String) -> Int? {
            guard let number = reader.count(key) else { return nil }
            if number == 0 { log.add(reader.childPath(key), .outOfRange, "must be at least 1") }
            return number == 0 ? nil : number
        }
        policy.windowYears = positive("windowYears") ?? policy.windowYears
        policy.dormancyDays = positive("dormancyDays") ?? policy.dormancyDays
        policy.obligationNoticeDays = reader.count("obligationNoticeDays") ?? policy.obligationNoticeDays
        policy.onceObligationGraceDays = reader.count("onceObligationGraceDays") ?? policy.onceObligationGraceDays
        policy.sustainedAfterDays = reader.count("sustainedAfterDays") ?? policy.sustainedAfterDays
        policy.minimumCoverage =
            reader.number("minimumCoverage", required: false, range: 0...1) ?? policy.minimumCoverage
        policy.publishedShareAlarm =
            reader.number("publishedShareAlarm", required: false, range: 0...1) ?? policy.publishedShareAlarm
        readBands(reader, into: &policy, log: log)
        policy.weights = readTable("weights", reader, into: policy.weights, range: 0...1_000)
        policy.targets = readTable("targets", reader, into: policy.targets, range: 0.000_001...1_000_000)
        policy.thresholds = readTable("thresholds", reader, into: policy.thresholds, range: 0...1_000_000)
        if let weights = reader.object("weights", required: false, fields: IndicatorID.allCases.map(\.rawValue)) {
            for element in KeyElement.allCases where IndicatorID.of(element).allSatisfy({ policy.weight($0) == 0 }) {
                log.add(
                    weights.path, .outOfRange, "every indicator of \(element.rawValue) has weight 0; give one a weight")
            }
        }
        readOfficeLoad(reader, into: &policy, log: log)
        readReciprocity(reader, into: &policy, log: log)
        if let notices = reader.array(
            "agreementNoticeDays", required: false, { ValueReader.count($0, path: $1, log: log) })
        {
            policy.agreementNoticeDays = notices
        }
        if let areas = reader.array(
            "catchAllAreas", required: false, { ValueReader.string($0, path: $1, kind: .identifier, log: log) })
        {
            policy.catchAllAreas = areas
        }
        return policy
    }

    /// The score bands: where met and partial begin; partial below met.
    private static func readBands(_ reader: ObjectReader, into policy: inout EvaluationPolicy, log: IssueLog) {
        if let bands = reader.object("bands", required: false, fields: ["met", "partial"]) {
            policy.metFrom = bands.number("met", required: false, range: 0...1) ?? policy.metFrom
            policy.partialFrom = bands.number("partial", required: false, range: 0...1) ?? policy.partialFrom
            if policy.partialFrom >= policy.metFrom {
                log.add(
                    bands.childPath("partial"), .outOfRange,
                    "must be below \"met\" (\(JSONWriter.format(policy.metFrom)))")
            }
        }
    }

    /// The office's load: partnerships per officer for full and for zero score, and the alarm.
    private static func readOfficeLoad(_ reader: ObjectReader, into policy: inout EvaluationPolicy, log: IssueLog) {
        if let load = reader.object("officeLoad", required: false, fields: ["full", "zero", "alarm"]) {
            policy.officeLoadFull = load.number("full", required: false, range: 0...10_000) ?? policy.officeLoadFull
            policy.officeLoadZero = load.number("zero", required: false, range: 0...10_000) ?? policy.officeLoadZero
            policy.officeLoadAlarm = load.number("alarm", required: false, range: 0...10_000) ?? policy.officeLoadAlarm
            if policy.officeLoadZero <= policy.officeLoadFull {
                log.add(
                    load.childPath("zero"), .outOfRange,
                    "must be above \"full\" (\(JSONWriter.format(policy.officeLoadFull)))")
            }
        }
    }

    /// The reciprocity scale: the balances that score unmet and met.
    private static func readReciprocity(_ reader: ObjectReader, into policy: inout EvaluationPolicy, log: IssueLog) {
        if let scale = reader.object("reciprocity", required: false, fields: ["unmetBalance", "metBalance"]) {
            policy.reciprocityUnmetBalance =
                scale.number("unmetBalance", required: false, range: 0...1) ?? policy.reciprocityUnmetBalance
            policy.reciprocityMetBalance =
                scale.number("metBalance", required: false, range: 0...1) ?? policy.reciprocityMetBalance
            if policy.reciprocityUnmetBalance >= policy.reciprocityMetBalance {
                log.add(scale.childPath("unmetBalance"), .outOfRange, "must be below \"metBalance\"")
            }
        }
    }

    private static func readTable(
        _ key: String, _ reader: ObjectReader, into table: [IndicatorID: Double], range: ClosedRange<Double>
    ) -> [IndicatorID: Double] {
        guard let object = reader.object(key, required: false, fields: IndicatorID.allCases.map(\.rawValue)) else {
            return table
        }
        var result = table
        for indicator in IndicatorID.allCases {
            if let number = object.number(indicator.rawValue, required: false, range: range) {
                result[indicator] = number
            }
        }
        return result
    }

    /// The policy as a complete `kembar-policy/1` object, as evaluations record it.
    public static func value(_ policy: EvaluationPolicy) -> JSONValue {
        func table(_ values: [IndicatorID: Double], _ ids: [IndicatorID] = IndicatorID.allCases) -> JSONValue {
            .object(ids.compactMap { id in values[id].map { .init(id.rawValue, .number($0)) } })
        }
        var members: [JSONValue.Member] = [
            .init("format", .string(formatIdentifier)),
            .init("name", .string(policy.name)),
        ]
        if let description = policy.description { members.append(.init("description", .string(description))) }
        members += [
            .init("windowYears", .number(Double(policy.windowYears))),
            .init("dormancyDays", .number(Double(policy.dormancyDays))),
            .init(
                "bands",
                .object([.init("met", .number(policy.metFrom)), .init("partial", .number(policy.partialFrom))])),
            .init("minimumCoverage", .number(policy.minimumCoverage)),
            .init(
                "weights", table(Dictionary(uniqueKeysWithValues: IndicatorID.allCases.map { ($0, policy.weight($0)) }))
            ),
            .init("targets", table(policy.targets)),
            .init(
                "thresholds",
                table(Dictionary(uniqueKeysWithValues: IndicatorID.allCases.map { ($0, policy.threshold($0)) }))),
            .init(
                "officeLoad",
                .object([
                    .init("full", .number(policy.officeLoadFull)), .init("zero", .number(policy.officeLoadZero)),
                    .init("alarm", .number(policy.officeLoadAlarm)),
                ])),
            .init(
                "reciprocity",
                .object([
                    .init("unmetBalance", .number(policy.reciprocityUnmetBalance)),
                    .init("metBalance", .number(policy.reciprocityMetBalance)),
                ])),
            .init("agreementNoticeDays", .array(policy.agreementNoticeDays.map { .number(Double($0)) })),
            .init("obligationNoticeDays", .number(Double(policy.obligationNoticeDays))),
            .init("onceObligationGraceDays", .number(Double(policy.onceObligationGraceDays))),
            .init("sustainedAfterDays", .number(Double(policy.sustainedAfterDays))),
            .init("publishedShareAlarm", .number(policy.publishedShareAlarm)),
            .init("catchAllAreas", .array(policy.catchAllAreas.map(JSONValue.string))),
        ]
        return .object(members)
    }
}
