import ArgumentParser
import Foundation
import KembarCore
import KembarStore

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an organization's record as a kembar/1 document.",
        discussion: """
            The output is the canonical form: importing it and exporting again gives the same bytes. \
            With several organizations in the database, choose one with --organization.
            """
    )

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "The organization to export (needed when the database holds more than one).")
    var organization: String?

    func run() async throws {
        try await reportingFailures {
            let logger = CommandSupport.logger("kembar.export")
            let record = try await CommandSupport.withDatabase(logger: logger) { database in
                try await RecordStore(database: database).exportRecord(organizationID: organization)
            }
            try OutputFile.write(to: output) { emit in try RecordEncoder.write(record, to: emit) }
        }
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
