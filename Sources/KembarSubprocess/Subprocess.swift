import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program to its end and collects what it printed.
public enum Subprocess {
    public struct Outcome: Sendable {
        /// The exit status, or 128 plus the signal that ended the program.
        public let status: Int32
        public let standardOutput: [UInt8]
        public let standardError: [UInt8]
        /// Why the program was stopped before it ended by itself; nil when it was not.
        public let stopped: Stop?
    }

    public enum Stop: Sendable {
        case timedOut
        case printedTooMuch
    }

    /// Runs `program`, writing `input` to its standard input. A program that runs longer than
    /// `timeout`, or prints more than `outputLimit` bytes, is killed and reported as `stopped`.
    public static func run(
        _ program: String, _ arguments: [String], environment: [String: String]? = nil, input: [UInt8]? = nil,
        timeout: Duration? = nil, outputLimit: Int = .max
    ) async throws -> Outcome {
        let child = try ChildProcess(
            program: program, arguments: arguments, environment: environment, readsInput: input != nil)
        let stopped = Mutex<Stop?>(nil)
        let stop: @Sendable (Stop) -> Void = { reason in
            stopped.withLock { $0 = $0 ?? reason }
            child.send(SIGKILL)
        }
        let watchdog = timeout.map { limit in
            Task.detached {
                try await Task.sleep(for: limit)
                stop(.timedOut)
            }
        }
        defer { watchdog?.cancel() }
        async let output = blocking {
            read(child.standardOutput, limit: outputLimit) { stop(.printedTooMuch) }
        }
        async let errors = blocking {
            read(child.standardError, limit: outputLimit) { stop(.printedTooMuch) }
        }
        if let input, let handle = child.standardInput {
            await blocking {
                // A child that exits without reading gets no more; that is not an error here.
                try? handle.write(contentsOf: Data(input))
                try? handle.close()
            }
        }
        let (out, err) = await (output, errors)
        let status = await blocking { child.waitUntilExit() }
        return Outcome(status: status, standardOutput: out, standardError: err, stopped: stopped.withLock { $0 })
    }

    private static func read(_ handle: FileHandle?, limit: Int, onExcess: () -> Void) -> [UInt8] {
        guard let handle else { return [] }
        var bytes: [UInt8] = []
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { return bytes }
            guard bytes.count + chunk.count <= limit else {
                onExcess()
                return bytes
            }
            bytes += chunk
        }
    }

    /// Runs blocking work on a thread of its own, off the threads of Swift's concurrency pool.
    private static func blocking<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: work()) }
        }
    }
}
