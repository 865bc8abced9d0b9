import ArgumentParser
import Foundation
import KembarCore
import KembarStore

struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Evaluate partnerships against the five UNDP key elements.",
        discussion: """
            Reads a kembar/1 file (--input) or the database, and writes each partnership's verdicts, \
            indicators with the records behind them, vacuum periods, obligation occurrences and alarms, \
            as JSON (the format of docs/interchange.md) or as a scorecard for a terminal. \
            The method is in docs/evaluation.md.
            """
    )

    @Option(help: "Evaluate this kembar/1 file (- for standard input) instead of the database.")
    var input: String?

    @Option(help: "The organization to evaluate from the database (needed when it holds more than one).")
    var organization: String?

    @Option(help: "Evaluate as of this day, YYYY-MM-DD (default: today).")
    var asOf: String?

    @Option(help: "Evaluate only this partnership (repeat for several).")
    var partnership: [String] = []

    @Option(help: "json or text.")
    var format: OutputFormat = .json

    @Option(
        help:
            "A kembar-policy/1 file with thresholds, weights, window and notice periods (default: the built-in policy)."
    )
    var policy: String?

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Print the policy in effect (the default, or --policy) as a kembar-policy/1 file, and stop.")
    var printPolicy = false

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case json
        case text
    }

    func validate() throws {
        if let asOf, CalendarDay(iso: asOf) == nil {
            throw ValidationError("--as-of must be a real day written YYYY-MM-DD, not \"\(asOf)\"")
        }
        if input != nil, organization != nil {
            throw ValidationError("--organization selects from the database; it cannot be used with --input")
        }
    }

    func run() async throws {
        try await reportingFailures {
            let day = asOf.flatMap(CalendarDay.init(iso:)) ?? Self.today()
            let rules = try PolicyInput.read(policy)
            if printPolicy {
                try OutputFile.write(to: output) { emit in try emit(JSONWriter.bytes(PolicyCodec.value(rules))) }
                return
            }
            let record = try await readRecord()
            let evaluations: LazyMapSequence<[Int], PartnershipEvaluation>
            do {
                evaluations = try Evaluator.evaluateEach(
                    record, asOf: day, policy: rules, partnershipIDs: partnership.isEmpty ? nil : partnership)
            } catch {
                throw CommandFailure(
                    "\(error); the record holds: \(record.partnerships.map(\.id).joined(separator: ", "))")
            }
            // Results are written as they are computed: a national record never holds them all at once.
            try OutputFile.write(to: output) { emit in
                switch format {
                case .json:
                    try EvaluationEncoder.write(evaluations, asOf: day, policy: rules, to: emit)
                case .text:
                    try ScorecardText.write(evaluations, asOf: day, policy: rules, record: record) {
                        try emit(Array($0.utf8))
                    }
                }
            }
        }
    }

    /// Today in the machine's time zone: the day the office is living in.
    static func today() -> CalendarDay {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDay(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    private func readRecord() async throws -> CooperationRecord {
        if let input {
            return try RecordInput.read(input, consequence: "nothing was evaluated")
        }
        let logger = CommandSupport.logger("kembar.evaluate")
        return try await CommandSupport.withDatabase(logger: logger) { database in
            try await RecordStore(database: database).exportRecord(organizationID: organization)
        }
    }
}
