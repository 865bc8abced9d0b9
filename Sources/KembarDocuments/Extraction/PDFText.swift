import Foundation

/// The text layer of a PDF, read by poppler's `pdftotext` when the machine has it. Without it, or
/// for a scanned PDF with no text layer, the file is kept and marked as having no text.
public struct PDFText: Sendable {
    /// The `pdftotext` program; nil when it is not installed.
    public let program: String?

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
    }

    func extract(_ bytes: [UInt8]) async -> Outcome {
        guard let program, FileManager.default.isExecutableFile(atPath: program) else { return .noProgram }
        return await withCheckedContinuation { continuation in
            // pdftotext blocks while it reads; it runs off the server's own threads.
            DispatchQueue.global().async {
                continuation.resume(returning: Self.run(program, on: bytes))
            }
        }
    }

    private static func run(_ program: String, on bytes: [UInt8]) -> Outcome {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kembar-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let input = directory.appendingPathComponent("upload.pdf")
            try Data(bytes).write(to: input)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = ["-q", "-enc", "UTF-8", "-eol", "unix", input.path, "-"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { return .unreadable }
            return .text(PlainText.decode(Array(data)))
        } catch {
            return .unreadable
        }
    }
}
