import Foundation
import Subprocess
import SystemPackage

/// Runs a helper program (poppler's `pdftotext`) over an untrusted file with swift-subprocess,
/// within bounds: a program that runs longer than `timeout`, or prints more than `outputLimit`
/// bytes, is killed and reported as stopped. What it writes to standard error is not kept.
struct BoundedProgram: Sendable {
    let path: String
    var timeout: Duration
    var outputLimit: Int

    struct Outcome: Sendable, Equatable {
        /// The exit status, or 128 plus the signal that ended the program.
        let status: Int32
        let standardOutput: [UInt8]
        /// Why the program was stopped before it ended by itself; nil when it was not.
        let stopped: Stop?
    }

    enum Stop: Sendable, Equatable {
        case timedOut
        case printedTooMuch
    }

    private enum Reading: Sendable {
        case output([UInt8])
        case stopped(Stop)
    }

    /// Throws when the program cannot be started.
    func run(_ arguments: [String]) async throws -> Outcome {
        let (timeout, limit) = (timeout, outputLimit)
        let result = try await Subprocess.run(
            .path(FilePath(path)), arguments: Arguments(arguments), input: .none, output: .sequence,
            error: .discarded
        ) { execution in
            try await withThrowingTaskGroup(of: Reading.self) { group in
                group.addTask {
                    var bytes: [UInt8] = []
                    for try await chunk in execution.standardOutput {
                        chunk.withUnsafeBytes { bytes.append(contentsOf: $0) }
                        if bytes.count > limit {
                            try? execution.send(signal: .kill)
                            return .stopped(.printedTooMuch)
                        }
                    }
                    return .output(bytes)
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    try? execution.send(signal: .kill)
                    return .stopped(.timedOut)
                }
                // The first to finish decides; the other is cancelled (the sleep) or ends with the
                // killed program's output.
                let first = try await group.next() ?? .output([])
                group.cancelAll()
                return first
            }
        }
        let status: Int32
        switch result.terminationStatus {
        case .exited(let code): status = code
        case .signaled(let signal): status = 128 + signal
        }
        switch result.closureResult {
        case .output(let bytes): return Outcome(status: status, standardOutput: bytes, stopped: nil)
        case .stopped(let reason): return Outcome(status: status, standardOutput: [], stopped: reason)
        }
    }
}
