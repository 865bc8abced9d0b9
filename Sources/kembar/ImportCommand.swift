import ArgumentParser
import Foundation
import KembarCore
import KembarStore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a kembar/1 document into the database.",
        discussion: """
            The whole document is validated first. If anything is wrong, every problem is printed with \
            its JSON path, nothing is written, and the exit status is 1. A valid document is written in \
            one transaction. Use - to read standard input.
            """
    )

    @Argument(help: "The kembar/1 JSON file to import, or - for standard input.")
    var file: String

    @Flag(help: "Replace the organization's record if the database already holds it.")
    var replace = false

    @Flag(help: "Validate only; write nothing.")
    var dryRun = false

    func run() async throws {
        try await reportingFailures {
            // Decoded in a function of its own so that the file's bytes are freed before writing.
            let record = try RecordInput.read(file)
            let activities = record.partnerships.reduce(0) { $0 + $1.activities.count }
            if dryRun {
                CommandSupport.say(
                    "\(file) is valid: organization \"\(record.organization.id)\", \(record.partnerships.count) partnerships, \(activities) activities. Nothing was written."
                )
                return
            }
            let logger = CommandSupport.logger("kembar.import")
            try await CommandSupport.withDatabase(logger: logger) { database in
                let summary = try await RecordStore(database: database).importRecord(
                    record, replacing: replace, actor: "cli:\(NSUserName())", source: file)
                CommandSupport.say(
                    "\(summary.replaced ? "Replaced" : "Imported") organization \"\(summary.organizationID)\": \(summary.partnerships) partnerships, \(summary.activities) activities (\(database.location))."
                )
            }
        }
    }
}
