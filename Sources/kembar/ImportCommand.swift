import ArgumentParser
import Foundation
import KembarCore
import KembarStore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load kembar/1 documents into the database.",
        discussion: """
            Each document is validated first. If anything is wrong, every problem is printed with its \
            JSON path and nothing of that document is written. A valid document is written in one \
            transaction of its own, so the good documents of several are written even when another \
            is refused; the exit status is then 1. Use - to read standard input.
            """
    )

    @Argument(help: "The kembar/1 JSON files to import, or - for standard input.")
    var files: [String]

    @Flag(help: "Replace the organization's record if the database already holds it.")
    var replace = false

    @Flag(help: "Validate only; write nothing.")
    var dryRun = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one file to import") }
        guard files.count(where: { $0 == "-" }) <= 1 else {
            throw ValidationError("standard input (-) can be read only once")
        }
    }

    func run() async throws {
        try await reportingFailures {
            var refused = 0
            if dryRun {
                for file in files {
                    do {
                        let record = try RecordInput.read(file)
                        let activities = record.partnerships.reduce(0) { $0 + $1.activities.count }
                        CommandSupport.say(
                            "\(file) is valid: organization \"\(record.organization.id)\", \(record.partnerships.count) partnerships, \(activities) activities. Nothing was written."
                        )
                    } catch {
                        refused += try Self.refusal(error, file)
                    }
                }
            } else {
                let logger = CommandSupport.logger("kembar.import")
                try await CommandSupport.withDatabase(logger: logger) { database in
                    let store = RecordStore(database: database)
                    for file in files {
                        do {
                            // Read in a function of its own so that the file's bytes are freed before writing.
                            let record = try RecordInput.read(file)
                            let summary = try await store.importRecord(
                                record, replacing: replace, actor: "cli:\(NSUserName())", source: file)
                            CommandSupport.say(
                                "\(file): \(summary.replaced ? "replaced" : "imported") organization \"\(summary.organizationID)\": \(summary.partnerships) partnerships, \(summary.activities) activities (\(database.location))."
                            )
                        } catch {
                            refused += try Self.refusal(error, file)
                        }
                    }
                }
            }
            if refused > 0 {
                CommandSupport.printError(
                    "kembar: \(refused) of \(files.count) documents refused; the others were \(dryRun ? "valid" : "written")."
                )
                throw ExitCode.failure
            }
        }
    }

    /// Reports why `file` was refused (the validator has printed its issues already) and counts it;
    /// a failure of the database itself stops the whole command.
    private static func refusal(_ error: any Error, _ file: String) throws -> Int {
        switch error {
        case is ExitCode:
            return 1
        case let failure as CommandFailure:
            CommandSupport.printError("kembar: \(failure)")
            return 1
        case let failure as StoreError:
            CommandSupport.printError("kembar: \(file): \(failure); nothing of it was written")
            return 1
        default:
            throw error
        }
    }
}
