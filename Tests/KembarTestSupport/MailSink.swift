import Foundation
import Subprocess

/// A real mail server for a test: `scripts/mail-sink.py` (aiosmtpd, from PyPI) on a free port of
/// 127.0.0.1, keeping each message it accepts parsed by Python's email package. Tests that need
/// it are skipped where aiosmtpd is not installed, unless `KEMBAR_REQUIRE_AIOSMTPD` is set (CI
/// sets it, so that they can never silently vanish).
public final class MailSink: Sendable {
    /// One message as the server kept it.
    public struct Message: Sendable {
        public struct Part: Sendable {
            public var type: String
            public var charset: String?
            public var text: String
        }

        public var mailFrom: String
        public var recipients: [String]
        public var overTLS: Bool
        public var authenticated: Bool
        /// Every header, decoded (RFC 2047 undone), in order.
        public var headers: [(name: String, value: String)]
        public var topType: String
        public var parts: [Part]
        public var raw: String

        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        public func headers(_ name: String) -> [String] {
            headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
        }
    }

    /// The python3 found first on PATH (where pip installed aiosmtpd), as a shell would run it.
    public static let python = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    public static let required = ProcessInfo.processInfo.environment["KEMBAR_REQUIRE_AIOSMTPD"] != nil

    /// Whether aiosmtpd can run here; when it must and cannot, the test fails instead.
    public static var isAvailable: Bool {
        get async {
            if required { return true }
            guard let python else { return false }
            return (try? await KembarProcess.runProgram(python, ["-c", "import aiosmtpd"])) == 0
        }
    }

    public let port: Int
    public let directory: URL
    private let child: ServerChild

    /// Starts the sink with the script's options (`--tls CERT KEY`, `--auth USER PASSWORD`, …).
    public static func start(_ options: [String] = []) async throws -> MailSink {
        let python = try requirePython()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kembar-mail-\(UUID().uuidString)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/mail-sink.py")
        let child = ServerChild(
            arguments: [script.path, directory.path] + options, environment: [:], executable: python)
        for _ in 0..<600 {
            if let port = child.printed.firstMatch(of: /listening on (\d+)/).flatMap({ Int($0.1) }) {
                return MailSink(port: port, directory: directory, child: child)
            }
            if child.hasEnded { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        child.send(.kill)
        _ = await child.status()
        throw ServerStartFailure(output: child.printed)
    }

    private static func requirePython() throws -> String {
        guard let python else { throw ServerStartFailure(output: "python3 is not installed") }
        return python
    }

    private init(port: Int, directory: URL, child: ServerChild) {
        self.port = port
        self.directory = directory
        self.child = child
    }

    /// The messages kept so far, in the order they came.
    public func messages() throws -> [Message] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return try files.filter { $0.hasSuffix(".json") }.sorted().map { file in
            let data = try Data(contentsOf: directory.appendingPathComponent(file))
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw ServerStartFailure(output: "\(file) is not a kept message")
            }
            return Message(
                mailFrom: object["mail_from"] as? String ?? "", recipients: object["rcpt_tos"] as? [String] ?? [],
                overTLS: object["tls"] as? Bool ?? false, authenticated: object["authenticated"] as? Bool ?? false,
                headers: (object["headers"] as? [[String]] ?? []).map { (name: $0[0], value: $0[1]) },
                topType: object["top_type"] as? String ?? "",
                parts: (object["parts"] as? [[String: Any]] ?? []).map {
                    Message.Part(
                        type: $0["type"] as? String ?? "", charset: $0["charset"] as? String,
                        text: $0["text"] as? String ?? "")
                }, raw: object["raw"] as? String ?? "")
        }
    }

    /// The messages once there are at least `count` (or after a generous while).
    public func messages(waitingFor count: Int) async throws -> [Message] {
        for _ in 0..<200 {
            let kept = try messages()
            if kept.count >= count { return kept }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try messages()
    }

    public func stop() async {
        child.send(.kill)
        _ = await child.status()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs `body` with a sink, stopping it afterwards.
    public static func with<R: Sendable>(
        _ options: [String] = [], _ body: @Sendable (MailSink) async throws -> R
    ) async throws -> R {
        let sink = try await start(options)
        do {
            let result = try await body(sink)
            await sink.stop()
            return result
        } catch {
            await sink.stop()
            throw error
        }
    }
}
