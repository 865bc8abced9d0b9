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

    func validate() throws {
        guard partnerships >= 0, activities >= 0 else { throw ValidationError("counts must not be negative") }
        guard activities == 0 || partnerships > 0 else {
            throw ValidationError("activities need at least one partnership")
        }
    }

    func run() async throws {
        try await reportingFailures {
            let record = SyntheticRecord.make(
                .init(partnerships: partnerships, activities: activities, seed: seed))
            try OutputFile.write(to: output) { emit in try RecordEncoder.write(record, to: emit) }
        }
    }
}
