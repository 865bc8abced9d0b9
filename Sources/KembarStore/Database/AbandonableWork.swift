import Synchronization

/// Runs work beside a watcher and answers with the first of the two to finish: the work's
/// result, or the watcher's error. A transaction's work can wait for ever on a query that its
/// closed connection will never answer (see ``PostgresKembarDatabase``); awaiting it inside a
/// task group would hang the request, and with it the server's graceful shutdown, so the work
/// runs as a task of its own that is cancelled and left behind when the watcher gives up.
enum AbandonableWork {
    static func run<R: Sendable>(
        _ work: @escaping @Sendable () async throws -> R,
        unless watcher: @escaping @Sendable () async throws -> Void
    ) async throws -> R {
        let outcome = Outcome<R>()
        let working = Task {
            do { outcome.settle(.success(try await work())) } catch { outcome.settle(.failure(error)) }
        }
        let watching = Task {
            do {
                try await watcher()
            } catch is CancellationError {
                return
            } catch {
                working.cancel()
                outcome.settle(.failure(error))
            }
        }
        defer { watching.cancel() }
        return try await withTaskCancellationHandler {
            try await outcome.value()
        } onCancel: {
            working.cancel()
        }
    }

    /// The first result settled; later ones are dropped.
    private final class Outcome<R: Sendable>: Sendable {
        private struct State: ~Copyable {
            var waiting: CheckedContinuation<R, any Error>?
            var result: Result<R, any Error>?
        }
        private let state = Mutex(State())

        func settle(_ result: Result<R, any Error>) {
            let waiting = state.withLock { state -> CheckedContinuation<R, any Error>? in
                guard state.result == nil else { return nil }
                state.result = result
                defer { state.waiting = nil }
                return state.waiting
            }
            waiting?.resume(with: result)
        }

        func value() async throws -> R {
            try await withCheckedThrowingContinuation { continuation in
                let settled = state.withLock { state -> Result<R, any Error>? in
                    if let result = state.result { return result }
                    state.waiting = continuation
                    return nil
                }
                if let settled { continuation.resume(with: settled) }
            }
        }
    }
}
