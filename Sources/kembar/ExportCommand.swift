import ArgumentParser
import Foundation
import KembarCore
import KembarStore
import KembarWeb

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an organization's record as a kembar/1 document, or its evidence for QDA tools.",
        discussion: """
            kembar (the default): the canonical kembar/1 document; importing it and exporting again \
            gives the same bytes. With several organizations in the database, choose one with \
            --organization.

            qdpx: a REFI-QDA project for qualitative-analysis tools (ATLAS.ti, MAXQDA, NVivo, \
            QualCoder): partnerships as cases, documents with text as sources, coded passages as \
            selections, assessments as notes; every organization unless --organization is given.
            xlsx: the record as a workbook in the import template's shape (partnerships with their \
            first agreement, the other agreements, activities), in --language; kembar import \
            --from xlsx reads it back.
            qdc: the code book alone in REFI-QDA form. codebook-csv: the code book as CSV with the \
            columns tag,description (Taguette imports it).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case kembar
        case xlsx
        case qdpx
        case qdc
        case codebookCSV = "codebook-csv"
    }

    @Option(help: "What to write: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .kembar

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "The organization to export (for kembar/1 and xlsx, needed when the database holds more than one).")
    var organization: String?

    @Option(help: "The language of the code book's names and of the workbook's values (id or en).")
    var language: String = Language.default.rawValue

    func validate() throws {
        guard Language(rawValue: language) != nil else {
            throw ValidationError(
                "--language must be one of: \(Language.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if format == .qdpx || format == .xlsx, output == nil || output == "-", isatty(STDOUT_FILENO) == 1 {
            throw ValidationError("a .\(format.rawValue) file is a ZIP archive: write it to a file with --output FILE")
        }
    }

    func run() async throws {
        try await reportingFailures {
            let logger = CommandSupport.logger("kembar.export")
            let language = Language(rawValue: language) ?? .default
            let bytes: [UInt8]? = try await CommandSupport.withDatabase(logger: logger) { database in
                switch format {
                case .kembar:
                    let record = try await RecordStore(database: database).exportRecord(organizationID: organization)
                    try OutputFile.write(to: output) { emit in try RecordEncoder.write(record, to: emit) }
                    return nil
                case .xlsx:
                    let record = try await RecordStore(database: database).exportRecord(organizationID: organization)
                    return try RecordSpreadsheets(language: language).record(record.partnerships)
                case .qdpx:
                    var organizations = try await RecordStore(database: database).organizationIDs()
                    if let organization {
                        guard organizations.contains(organization) else {
                            throw CommandFailure("no organization \"\(organization)\" in the database")
                        }
                        organizations = [organization]
                    }
                    return try await QDPXExport(database: database).project(
                        organizationIDs: organizations, codeBook: try await codeBook(database, language))
                case .qdc:
                    return Array(QDPXExport.codeBookDocument(try await codeBook(database, language)).utf8)
                case .codebookCSV:
                    return Array(REFIQDACodeBook.csv(try await codeBook(database, language)).utf8)
                }
            }
            if let bytes { try OutputFile.write(to: output) { emit in try emit(bytes) } }
        }
    }

    private func codeBook(_ database: any KembarDatabase, _ language: Language) async throws -> CodeBook {
        try LocalizedCodeBook.make(subCodes: try await EvidenceStore(database: database).subCodes(), language: language)
    }
}

/// Writes command output to standard output, or to a file atomically: into a temporary file beside
/// it, renamed over it at the end, so that a failed run never leaves half a file.
enum OutputFile {
    static func write(to path: String?, _ produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        guard let path, path != "-" else {
            try produce { FileHandle.standardOutput.write(Data($0)) }
            return
        }
        let destination = URL(fileURLWithPath: path)
        let partial = destination.deletingLastPathComponent()
            .appendingPathComponent(
                ".\(destination.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        guard FileManager.default.createFile(atPath: partial.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: partial)
        else {
            throw CommandFailure(
                "cannot write \(path): cannot create a file in \(destination.deletingLastPathComponent().path)")
        }
        do {
            try produce { try handle.write(contentsOf: Data($0)) }
            try handle.close()
            guard rename(partial.path, destination.path) == 0 else {
                throw CommandFailure("cannot write \(path): \(String(cString: strerror(errno)))")
            }
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: partial)
            if error is CommandFailure { throw error }
            throw CommandFailure("cannot write \(path): \((error as NSError).localizedDescription)")
        }
    }
}
