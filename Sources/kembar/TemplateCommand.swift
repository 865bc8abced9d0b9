import ArgumentParser
import Foundation
import KembarWeb

/// `kembar template --output FILE.xlsx`: the workbook an office fills in to bring its list.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write the import template: an XLSX workbook to fill in and bring with kembar import --from xlsx.",
        discussion: """
            One sheet for each kind of row (partnerships with their first agreement, other \\
            agreements, activities). Headers are in Bahasa Indonesia, with English in a note on each; \\
            drop-down lists hold the kinds, countries and areas; a filled-in example row, marked \\
            "Contoh", is not imported. --language chooses the language of the lists.
            """
    )

    @Option(name: .shortAndLong, help: "The file to write.")
    var output: String

    @Option(help: "The language of the drop-down lists (id or en).")
    var language: String = Language.default.rawValue

    func validate() throws {
        guard Language(rawValue: language) != nil else { throw ValidationError("--language must be id or en") }
    }

    func run() throws {
        let bytes = try RecordSpreadsheets(language: Language(rawValue: language) ?? .default).template()
        do {
            try OutputFile.write(to: output) { emit in try emit(bytes) }
        } catch let failure as CommandFailure {
            CommandSupport.printError("kembar: \(failure)")
            throw ExitCode.failure
        }
    }
}
