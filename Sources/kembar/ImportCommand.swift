import ArgumentParser
import Foundation
import KembarCore
import KembarDocuments
import KembarStore
import KembarWeb

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load kembar/1 documents, or an office's own spreadsheet, into the database.",
        discussion: """
            --from kembar (the default): each document is validated first. A government is \
            written after the one it belongs to (its "parent", a city's province) when both are \
            given, whatever their order. If anything is wrong, every problem is printed with its \
            JSON path and nothing of that document is written. A valid document is written in one \
            transaction of its own, so the good documents of several are written even when another \
            is refused; the exit status is then 1. Use - to read standard input.

            --from xlsx or --from csv: one list of cooperations as the office keeps it, imported into \
            --organization. The header is found under any title rows; headers and values are read \
            in Bahasa Indonesia or English. A partner (name and country) that already has a \
            partnership gets only what its record lacks. Every problem is printed with its sheet, \
            row and column; with any error, nothing is written and the exit status is 1. A CSV may \
            be UTF-8 or Windows-1252, with commas or semicolons. At most 20,000 rows are read.
            """
    )

    enum Source: String, ExpressibleByArgument, CaseIterable {
        case kembar
        case xlsx
        case csv
    }

    @Argument(help: "The kembar/1 JSON files to import, or - for standard input.")
    var files: [String]

    @Option(help: "What the files are: \(Source.allCases.map(\.rawValue).joined(separator: ", ")).")
    var from: Source = .kembar

    @Option(help: "The government a spreadsheet is imported into (with --from xlsx or csv).")
    var organization: String?

    @Option(
        name: .customLong("column"),
        help: "The field of a column whose header Kembar does not know: SHEET!COLUMN=FIELD (repeatable).")
    var columns: [String] = []

    @Option(help: "The language of the messages for a spreadsheet (id or en).")
    var language: String = Language.default.rawValue

    @Flag(help: "Replace the organization's record if the database already holds it.")
    var replace = false

    @Flag(help: "Validate only; write nothing.")
    var dryRun = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one file to import") }
        guard files.count(where: { $0 == "-" }) <= 1 else {
            throw ValidationError("standard input (-) can be read only once")
        }
        if from != .kembar {
            guard files.count == 1 else { throw ValidationError("import one spreadsheet at a time") }
            guard organization != nil else {
                throw ValidationError("name the government to import the spreadsheet into with --organization ID")
            }
            guard !replace else { throw ValidationError("--replace is for kembar/1 documents only") }
            guard Language(rawValue: language) != nil else { throw ValidationError("--language must be id or en") }
            _ = try SpreadsheetImportRun.choices(columns)
        } else if organization != nil || !columns.isEmpty {
            throw ValidationError("--organization and --column are for --from xlsx or csv")
        }
    }

    func run() async throws {
        try await reportingFailures {
            if from != .kembar, let organization {
                try await SpreadsheetImportRun(
                    file: files[0], format: from == .xlsx ? .xlsx : .csv, organizationID: organization,
                    choices: try SpreadsheetImportRun.choices(columns), dryRun: dryRun,
                    report: try ImportReport(language: Language(rawValue: language) ?? .default)
                ).run()
                return
            }
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
                // A government is written after the one it belongs to, whatever the files' order.
                let (ordered, circles) = ImportOrder.sorted(files)
                for circle in circles {
                    CommandSupport.printError(
                        "kembar: \(circle.joined(separator: ", ")): the governments of these documents belong to each other in a circle; none of them was written"
                    )
                    refused += circle.count
                }
                let logger = CommandSupport.logger("kembar.import")
                try await CommandSupport.withDatabase(logger: logger) { database in
                    let store = RecordStore(database: database)
                    for file in ordered {
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
