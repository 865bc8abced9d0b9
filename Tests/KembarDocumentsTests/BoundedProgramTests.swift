import Foundation
import Testing

@testable import KembarDocuments

/// The helper programs run over uploads (pdftotext) through swift-subprocess, within bounds:
/// their output and status, a program that runs too long or prints too much stopped, one that
/// cannot start refused.
@Suite struct BoundedProgramTests {
    private func program(_ path: String, timeout: Duration = .seconds(30), limit: Int = 1 << 20) -> BoundedProgram {
        BoundedProgram(path: path, timeout: timeout, outputLimit: limit)
    }

    @Test func collectsTheOutputAndTheExitStatus() async throws {
        let outcome = try await program("/bin/sh").run(["-c", "echo out; echo err >&2; exit 3"])
        #expect(outcome.status == 3)
        #expect(String(decoding: outcome.standardOutput, as: UTF8.self) == "out\n")
        #expect(outcome.stopped == nil)
    }

    @Test func stopsAProgramThatRunsTooLongOrPrintsTooMuch() async throws {
        let started = ContinuousClock.now
        let slow = try await program("/bin/sleep", timeout: .milliseconds(200)).run(["30"])
        #expect(slow.stopped == .timedOut)
        #expect(slow.status == 128 + SIGKILL)
        // Stopped, not run to its end: however loaded the machine, sooner than the sleep itself.
        #expect(ContinuousClock.now - started < .seconds(30))
        let loud = try await program("/usr/bin/yes", limit: 100_000).run([])
        #expect(loud.stopped == .printedTooMuch)
        #expect(loud.standardOutput.isEmpty)
    }

    @Test func aProgramThatCannotStartSaysSo() async {
        await #expect(throws: (any Error).self) {
            try await program("/nonexistent/pdftotext").run([])
        }
    }

    @Test(.timeLimit(.minutes(1))) func manyProgramsAtOnceEachEndWithTheirOwnOutput() async throws {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<40 {
                group.addTask {
                    let outcome = try await program("/bin/echo").run(["\(index)"])
                    return String(decoding: outcome.standardOutput, as: UTF8.self) == "\(index)\n"
                }
            }
            for try await matched in group { #expect(matched) }
        }
    }
}
