import Foundation
import KembarSubprocess
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Runs the built `kembar` executable, as a person at a terminal would.
public enum KembarProcess {
    public struct Outcome: Sendable {
        public let status: Int32
        public let standardOutput: String
        public let standardError: String
    }

    /// The `kembar` binary next to the test bundle (SwiftPM puts every product in one folder).
    public static var executable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On macOS the test runner sits inside the .xctest bundle.
        while directory.pathExtension == "xctest" || directory.lastPathComponent == "MacOS"
            || directory.lastPathComponent == "Contents"
        {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("kembar")
    }

    public static func run(
        _ arguments: [String], environment: [String: String] = [:], input: Data? = nil
    ) async throws -> Outcome {
        var merged = ProcessInfo.processInfo.environment
        merged["DATABASE_URL"] = nil
        merged["KEMBAR_DATA_DIR"] = nil
        for (key, value) in environment { merged[key] = value }
        let outcome = try await Subprocess.run(
            executable.path, arguments, environment: merged, input: Array(input ?? Data()))
        return Outcome(
            status: outcome.status, standardOutput: String(decoding: outcome.standardOutput, as: UTF8.self),
            standardError: String(decoding: outcome.standardError, as: UTF8.self))
    }
}

/// A `kembar serve` process started for a test.
public final class RunningServer: Sendable {
    public let port: Int
    private let process: ChildProcess
    private let output: OutputCollector

    /// Starts `kembar serve --port 0 …` and waits until it says which port it listens on.
    public static func start(_ arguments: [String], environment: [String: String]) async throws -> RunningServer {
        var merged = ProcessInfo.processInfo.environment
        merged["DATABASE_URL"] = nil
        merged["KEMBAR_DATA_DIR"] = nil
        merged["LOG_LEVEL"] = "warning"
        for (key, value) in environment { merged[key] = value }
        let process = try ChildProcess(
            program: KembarProcess.executable.path,
            arguments: ["serve", "--hostname", "127.0.0.1", "--port", "0"] + arguments, environment: merged,
            errors: .merged)
        let output = OutputCollector(process.standardOutput)
        // A generous bound for a debug build on a loaded machine; this is not a speed test.
        for _ in 0..<1200 {
            if let port = output.text.firstMatch(of: /serves http:\/\/127\.0\.0\.1:(\d+)\//).flatMap({ Int($0.1) }) {
                return RunningServer(port: port, process: process, output: output)
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning { process.send(SIGTERM) }
        _ = process.waitUntilExit()
        throw ServerStartFailure(output: output.text)
    }

    private init(port: Int, process: ChildProcess, output: OutputCollector) {
        self.port = port
        self.process = process
        self.output = output
    }

    /// Everything the server printed so far.
    public var printed: String { output.text }

    /// What the server printed once `text` appears in it (or after a generous while).
    public func printed(waitingFor text: String) async -> String {
        for _ in 0..<200 where !output.text.contains(text) {
            try? await Task.sleep(for: .milliseconds(50))
        }
        return output.text
    }

    public func get(_ path: String) async throws -> (status: Int, body: String) {
        let url = URL(string: "http://127.0.0.1:\(port)\(path)")!
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Asks the server to stop as systemd does (SIGTERM), without waiting.
    public func terminate() {
        process.send(SIGTERM)
    }

    /// The server's exit status, once it has stopped by itself (or after a generous while, killed).
    public func exitStatus() async -> Int32 {
        for _ in 0..<600 where process.isRunning {
            try? await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning { process.send(SIGKILL) }
        return process.waitUntilExit()
    }

    /// Interrupts the server as Ctrl-C would and returns its exit status.
    public func stop() async -> Int32 {
        process.send(SIGINT)
        for _ in 0..<600 where process.isRunning {
            try? await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning { process.send(SIGKILL) }
        return process.waitUntilExit()
    }
}

public struct ServerStartFailure: Error, CustomStringConvertible {
    public let output: String
    public var description: String { "kembar serve did not start:\n\(output)" }
}

/// Collects a pipe's output on a background thread so the writer never blocks.
final class OutputCollector: Sendable {
    private let collected = Mutex<String>("")

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let data = handle.availableData
                if data.isEmpty { return }
                collected.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
        }
    }

    var text: String { collected.withLock { $0 } }
}
