import Foundation
import Testing

@testable import KembarSubprocess

/// Children started with posix_spawn: their output, status, input, limits and failures.
@Suite struct SubprocessTests {
    @Test func collectsBothStreamsAndTheExitStatus() async throws {
        let outcome = try await Subprocess.run("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"])
        #expect(outcome.status == 3)
        #expect(String(decoding: outcome.standardOutput, as: UTF8.self) == "out\n")
        #expect(String(decoding: outcome.standardError, as: UTF8.self) == "err\n")
        #expect(outcome.stopped == nil)
    }

    @Test func givesTheChildItsInputAndEnvironment() async throws {
        let input = Array(repeating: Array("kota kembar\n".utf8), count: 20_000).flatMap { $0 }
        let echoed = try await Subprocess.run("/bin/cat", [], input: input)
        #expect(echoed.standardOutput == input)
        let environment = try await Subprocess.run(
            "/bin/sh", ["-c", "printf %s \"$KEMBAR_TEST_VALUE\""], environment: ["KEMBAR_TEST_VALUE": "Liuzhou"])
        #expect(String(decoding: environment.standardOutput, as: UTF8.self) == "Liuzhou")
    }

    @Test func stopsAChildThatRunsTooLongOrPrintsTooMuch() async throws {
        let slow = try await Subprocess.run("/bin/sleep", ["30"], timeout: .milliseconds(200))
        #expect(slow.stopped == .timedOut)
        #expect(slow.status == 128 + SIGKILL)
        let loud = try await Subprocess.run("/usr/bin/yes", [], outputLimit: 100_000)
        #expect(loud.stopped == .printedTooMuch)
        #expect(loud.standardOutput.count <= 100_000)
    }

    @Test func aProgramThatCannotStartSaysSo() async throws {
        await #expect(throws: ChildProcess.SpawnFailure.self) {
            try await Subprocess.run("/nonexistent/pdftotext", [])
        }
    }

    /// Each child's pipes stay its own: a reader sees the end of its child's output when that
    /// child ends, not when some other child started meanwhile ends. Long-lived children start
    /// among the short ones; were a pipe inherited by one of them, its reader would wait for the
    /// hour and the time limit would fail the test.
    @Test(.timeLimit(.minutes(1))) func manyChildrenAtOnceEachEndWithTheirOwnOutput() async throws {
        var sleepers: [ChildProcess] = []
        defer {
            for sleeper in sleepers {
                sleeper.send(SIGKILL)
                _ = sleeper.waitUntilExit()
            }
        }
        try await withThrowingTaskGroup(of: (matched: Bool, sleeper: ChildProcess?).self) { group in
            for index in 0..<40 {
                group.addTask {
                    let outcome = try await Subprocess.run("/bin/echo", ["\(index)"])
                    return (String(decoding: outcome.standardOutput, as: UTF8.self) == "\(index)\n", nil)
                }
                if index % 5 == 0 {
                    group.addTask {
                        let sleeper = try ChildProcess(program: "/bin/sleep", arguments: ["3600"])
                        return (sleeper.isRunning, sleeper)
                    }
                }
            }
            for try await result in group {
                #expect(result.matched)
                if let sleeper = result.sleeper { sleepers.append(sleeper) }
            }
        }
    }
}
