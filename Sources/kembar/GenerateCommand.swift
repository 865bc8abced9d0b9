import ArgumentParser
import Foundation
import KembarCore

struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic kembar/1 document for tests and benchmarks.",
        discussion: """
            The same options always give the same file. Every name in it is plainly synthetic \
            ("Synthetic City 17"), so it is never mistaken for real data.
            """
    )

    @Option(help: "Number of partnerships.")
    var partnerships = 2_000

    @Option(help: "Number of activities, spread evenly over the partnerships.")
    var activities = 100_000

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 2006

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Option(
        help: ArgumentHelp(
            "Write a synthetic nation: this many governments, each with --partnerships and --activities.",
            discussion: """
                Needs --output-dir; the governments are gov-001, gov-002, …, one file each. About one in \
                fourteen, the first, is a province; the cities and regencies after them belong to them in turn.
                """))
    var governments: Int?

    @Option(help: "The folder the governments' files are written to (made when missing).")
    var outputDir: String?

    func validate() throws {
        guard partnerships >= 0, activities >= 0 else { throw ValidationError("counts must not be negative") }
        guard activities == 0 || partnerships > 0 else {
            throw ValidationError("activities need at least one partnership")
        }
        if let governments {
            guard (1...9_999).contains(governments) else {
                throw ValidationError("--governments must be between 1 and 9999")
            }
            guard outputDir != nil else { throw ValidationError("--governments needs --output-dir") }
            guard output == nil else { throw ValidationError("--governments writes to --output-dir, not --output") }
        } else if outputDir != nil {
            throw ValidationError("--output-dir goes with --governments")
        }
    }

    func run() async throws {
        try await reportingFailures {
            guard let governments, let outputDir else {
                let record = SyntheticRecord.make(
                    .init(partnerships: partnerships, activities: activities, seed: seed))
                try OutputFile.write(to: output) { emit in try RecordEncoder.write(record, to: emit) }
                return
            }
            do {
                try FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure("cannot make \(outputDir): \((error as NSError).localizedDescription)")
            }
            for number in 1...governments {
                let parameters = SyntheticRecord.Parameters.government(
                    number, of: governments, partnerships: partnerships, activities: activities, seed: seed)
                let record = SyntheticRecord.make(parameters)
                let path = (outputDir as NSString).appendingPathComponent("\(parameters.organizationID).json")
                try OutputFile.write(to: path) { emit in try RecordEncoder.write(record, to: emit) }
            }
            CommandSupport.say(
                "Wrote \(governments) governments of \(partnerships) partnerships and \(activities) activities each to \(outputDir)."
            )
        }
    }
}
