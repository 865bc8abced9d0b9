import ArgumentParser
import Foundation
import KembarCore
import KembarDocuments
import KembarStore
import KembarWeb

/// `kembar import --from xlsx|csv`: an office's own list, read, compared with the record, and
/// written in one transaction only when it has no error. Says what it did in the words the
/// import page uses.
struct SpreadsheetImportRun {
    let file: String
    let format: SpreadsheetFormat
    let organizationID: String
    let choices: [String: [Int: ImportField]]
    let dryRun: Bool
    let report: ImportReport

    func run() async throws {
        let bytes: [UInt8]
        if file == "-" {
            bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else {
            do {
                bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            } catch {
                throw CommandFailure("cannot read \(file): \((error as NSError).localizedDescription)")
            }
        }
        let spreadsheet: Spreadsheet
        do throws(SpreadsheetError) {
            spreadsheet = try SpreadsheetFile.read(bytes, fileName: file, expecting: format)
        } catch {
            CommandSupport.printError("kembar: \(file): \(report.refusal(error))")
            throw ExitCode.failure
        }
        let name = URL(fileURLWithPath: file).lastPathComponent
        let logger = CommandSupport.logger("kembar.import")
        try await CommandSupport.withDatabase(logger: logger) { database in
            let store = SpreadsheetImportStore(database: database)
            let plan: ImportPlan
            var written = false
            do {
                if dryRun {
                    plan = try await store.preview(
                        spreadsheet, choices: choices, organizationID: organizationID, fileName: name)
                } else {
                    (plan, written) = try await store.write(
                        spreadsheet, choices: choices, organizationID: organizationID, fileName: name,
                        actor: "cli:\(NSUserName())")
                }
            } catch StoreError.organizationNotFound {
                throw CommandFailure("no organization \"\(organizationID)\" in the database; nothing was written")
            }
            for line in report.lines(plan) + [""] { CommandSupport.say(line) }
            if plan.hasErrors {
                CommandSupport.printError("kembar: \(file): \(report.counts(plan, written: false))")
                throw ExitCode.failure
            }
            CommandSupport.say(report.counts(plan, written: written))
            if dryRun { CommandSupport.say(report.text("import_dry_run")) }
        }
    }

    /// `Kerja Sama!I=notes`: the field for a column whose header Kembar does not know.
    static func choices(_ written: [String]) throws -> [String: [Int: ImportField]] {
        var choices: [String: [Int: ImportField]] = [:]
        for choice in written {
            guard let equals = choice.lastIndex(of: "="), let bang = choice[..<equals].lastIndex(of: "!"),
                let column = ColumnLetter.index(ofReference: choice[choice.index(after: bang)..<equals].uppercased()),
                let field = ImportField(rawValue: String(choice[choice.index(after: equals)...]))
            else {
                throw ValidationError(
                    "--column takes SHEET!COLUMN=FIELD, e.g. \"Kerja Sama!I=notes\"; fields: \(ImportField.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            choices[String(choice[..<bang]), default: [:]][column] = field
        }
        return choices
    }
}
