import Foundation
import Subprocess
import Synchronization
import SystemPackage

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
        let result = try await Subprocess.run(
            .path(FilePath(executable.path)), arguments: Arguments(arguments),
            environment: childEnvironment(environment), input: .array(Array(input ?? Data())),
            output: .string(limit: 256 * 1024 * 1024), error: .string(limit: 64 * 1024 * 1024))
        return Outcome(
            status: result.terminationStatus.code, standardOutput: result.standardOutput,
            standardError: result.standardError)
    }

    /// Runs another program (LibreOffice, say) through the same library, and gives its exit status.
    /// Foundation's `Process` is not used beside it: the two keep file descriptors apart badly
    /// when tests run side by side.
    public static func runProgram(_ path: String, _ arguments: [String]) async throws -> Int32 {
        try await Subprocess.run(
            .path(FilePath(path)), arguments: Arguments(arguments), output: .discarded, error: .discarded
        ).terminationStatus.code
    }

    /// The test's environment without a database of its own, and with `extra`.
    static func childEnvironment(_ extra: [String: String]) -> Subprocess.Environment {
        var merged = ProcessInfo.processInfo.environment
        merged["DATABASE_URL"] = nil
        merged["KEMBAR_DATA_DIR"] = nil
        for (key, value) in extra { merged[key] = value }
        return .custom(
            Dictionary(uniqueKeysWithValues: merged.map { (Environment.Key(stringLiteral: $0.key), $0.value) }))
    }
}

extension TerminationStatus {
    /// The exit status, or 128 plus the signal that ended the program, as a shell says it.
    public var code: Int32 {
        switch self {
        case .exited(let code): code
        case .signaled(let signal): 128 + signal
        }
    }
}

/// A `kembar serve` process started for a test.
public final class RunningServer: Sendable {
    public let port: Int
    private let child: ServerChild

    /// Starts `kembar serve --port 0 …` and waits until it says which port it listens on.
    public static func start(_ arguments: [String], environment: [String: String]) async throws -> RunningServer {
        let child = ServerChild(
            arguments: ["serve", "--hostname", "127.0.0.1", "--port", "0"] + arguments,
            environment: environment.merging(["LOG_LEVEL": "warning"]) { $1 })
        // A generous bound for a debug build on a loaded machine; this is not a speed test.
        for _ in 0..<1200 {
            if let port = child.printed.firstMatch(of: /serves http:\/\/127\.0\.0\.1:(\d+)\//).flatMap({ Int($0.1) }) {
                return RunningServer(port: port, child: child)
            }
            if child.hasEnded { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        child.send(.terminate)
        _ = await child.status()
        throw ServerStartFailure(output: child.printed)
    }

    private init(port: Int, child: ServerChild) {
        self.port = port
        self.child = child
    }

    /// Everything the server printed so far.
    public var printed: String { child.printed }

    /// What the server printed once `text` appears in it (or after a generous while).
    public func printed(waitingFor text: String) async -> String {
        for _ in 0..<200 where !child.printed.contains(text) {
            try? await Task.sleep(for: .milliseconds(50))
        }
        return child.printed
    }

    public func get(_ path: String) async throws -> (status: Int, body: String) {
        let url = URL(string: "http://127.0.0.1:\(port)\(path)")!
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Asks the server to stop as systemd does (SIGTERM), without waiting.
    public func terminate() {
        child.send(.terminate)
    }

    /// The server's exit status, once it has stopped by itself (or after a generous while, killed).
    public func exitStatus() async -> Int32 {
        for _ in 0..<600 where !child.hasEnded {
            try? await Task.sleep(for: .milliseconds(50))
        }
        if !child.hasEnded { child.send(.kill) }
        return await child.status()
    }

    /// Interrupts the server as Ctrl-C would and returns its exit status.
    public func stop() async -> Int32 {
        child.send(.interrupt)
        return await exitStatus()
    }
}

/// The server's process, run by swift-subprocess in a task of its own until it ends: its output
/// (with its errors) is collected as it comes, and signals reach it through a stream.
final class ServerChild: Sendable {
    private let signals: AsyncStream<Signal>.Continuation
    private let run: Task<Int32, Never>

    init(arguments: [String], environment: [String: String], executable: String = KembarProcess.executable.path) {
        let (stream, signals) = AsyncStream.makeStream(of: Signal.self)
        self.signals = signals
        let collected = Output()
        run = Task {
            let result = try? await Subprocess.run(
                .path(FilePath(executable)), arguments: Arguments(arguments),
                environment: KembarProcess.childEnvironment(environment), input: .none, output: .sequence,
                error: .combinedWithOutput
            ) { execution in
                await withTaskGroup(of: Void.self) { group in
                    group.addTask {
                        // The output ends when the server does; then no signal is awaited any more.
                        do {
                            for try await chunk in execution.standardOutput {
                                collected.append(chunk.withUnsafeBytes { String(decoding: $0, as: UTF8.self) })
                            }
                        } catch {}
                        collected.end()
                        signals.finish()
                    }
                    group.addTask {
                        for await signal in stream { try? execution.send(signal: signal) }
                    }
                }
            }
            collected.end()
            return result?.terminationStatus.code ?? -1
        }
        self.collected = collected
    }

    private let collected: Output

    var printed: String { collected.text }
    var hasEnded: Bool { collected.hasEnded }

    func send(_ signal: Signal) {
        signals.yield(signal)
    }

    func status() async -> Int32 {
        await run.value
    }

    /// What the server printed, and whether its output has ended.
    final class Output: Sendable {
        private let state = Mutex((text: "", ended: false))

        func append(_ text: String) { state.withLock { $0.text += text } }
        func end() { state.withLock { $0.ended = true } }
        var text: String { state.withLock { $0.text } }
        var hasEnded: Bool { state.withLock { $0.ended } }
    }
}

public struct ServerStartFailure: Error, CustomStringConvertible {
    public let output: String
    public var description: String { "kembar serve did not start:\n\(output)" }
}
