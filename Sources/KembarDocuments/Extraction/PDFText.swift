import Foundation

/// The text layer of a PDF, read by poppler's `pdftotext` when the machine has it. Without it, or
/// for a scanned PDF with no text layer, the file is kept and marked as having no text.
public struct PDFText: Sendable {
    /// The `pdftotext` program; nil when it is not installed.
    public let program: String?
    /// How long `pdftotext` may take over one file before it is stopped (a crafted PDF can keep
    /// it busy for ever).
    public var timeout: Duration = .seconds(60)

    /// Finds `pdftotext` on the `PATH`.
    public static func installed() -> PDFText {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let found = path.split(separator: ":").map { "\($0)/pdftotext" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        return PDFText(program: found)
    }

    public init(program: String?) {
        self.program = program
    }

    enum Outcome: Equatable {
        case text(String)
        case noProgram
        case unreadable
        /// The text ran past `limit` bytes.
        case exceeds(limit: Int)
    }

    /// The PDF's text, of at most `limit` bytes.
    func extract(_ bytes: [UInt8], limit: Int) async -> Outcome {
        guard let program, FileManager.default.isExecutableFile(atPath: program) else { return .noProgram }
        // pdftotext reads a file, not a pipe: it needs to seek to the cross-reference table.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kembar-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let input = directory.appendingPathComponent("upload.pdf")
            try Data(bytes).write(to: input)
            let outcome = try await BoundedProgram(path: program, timeout: timeout, outputLimit: limit).run(
                ["-q", "-enc", "UTF-8", "-eol", "unix", input.path, "-"])
            switch outcome.stopped {
            case .printedTooMuch: return .exceeds(limit: limit)
            case .timedOut: return .unreadable
            case nil: break
            }
            guard outcome.status == 0 else { return .unreadable }
            return .text(PlainText.decode(outcome.standardOutput))
        } catch {
            return .unreadable
        }
    }
}
