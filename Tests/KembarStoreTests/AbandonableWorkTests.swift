import Synchronization
import Testing

@testable import KembarStore

/// A transaction whose query is never answered must not hold its request (and the server's
/// shutdown) for ever: the watcher's verdict comes back without waiting for the work.
struct AbandonableWorkTests {
    struct Gone: Error {}

    /// Work that waits until it is cancelled and then, like a query no one will answer, goes on
    /// waiting; it says when it saw the cancellation.
    final class Stuck: Sendable {
        let cancelled = Mutex(false)
        private let release = AsyncStream<Void>.makeStream()

        func work() async throws -> Int {
            await withTaskCancellationHandler {
                for await _ in release.stream {}
            } onCancel: {
                cancelled.withLock { $0 = true }
            }
            return 0
        }

        func finish() { release.continuation.finish() }
    }

    @Test func theWatchersErrorComesBackWhileTheWorkIsStillStuck() async throws {
        let stuck = Stuck()
        await #expect(throws: Gone.self) {
            try await AbandonableWork.run({ try await stuck.work() }, unless: { throw Gone() })
        }
        // The work was told to stop, and it is still running: it was not waited for.
        #expect(stuck.cancelled.withLock { $0 })
        stuck.finish()
    }

    @Test func theWorksResultComesBackAndTheWatcherIsStopped() async throws {
        let watcherStopped = Mutex(false)
        let watcher: @Sendable () async throws -> Void = {
            do {
                try await Task.sleep(for: .seconds(3600))
            } catch {
                watcherStopped.withLock { $0 = true }
                throw error
            }
        }
        let value = try await AbandonableWork.run({ 42 }, unless: watcher)
        #expect(value == 42)
        // The watcher is cancelled once the work is done; it notices on its own task, soon or
        // (on a loaded machine) a little later: a minute is far more than it needs.
        for _ in 0..<6000 where !watcherStopped.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
        #expect(watcherStopped.withLock { $0 })
    }

    @Test func theWorksOwnErrorComesBack() async throws {
        await #expect(throws: Gone.self) {
            try await AbandonableWork.run(
                { () async throws -> Int in throw Gone() },
                unless: {
                    try await Task.sleep(for: .seconds(3600))
                })
        }
    }

    @Test func aConnectionClosedUnderARunningTransactionEndsTheWatch() async throws {
        await #expect(throws: DatabaseUnreachable.self) {
            try await ConnectionHealth.watchWhileRunning(closed: { true })
        }
    }

    @Test func anOpenConnectionIsWatchedUntilTheTransactionEnds() async throws {
        let watching = Task { try await ConnectionHealth.watchWhileRunning(closed: { false }) }
        try await Task.sleep(for: ConnectionHealth.closedGrace * 2)
        watching.cancel()
        await #expect(throws: CancellationError.self) { try await watching.value }
    }
}
