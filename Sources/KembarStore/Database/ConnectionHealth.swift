import Logging
import Synchronization

/// Tells a database server that cannot be reached from a pool that is only busy, by what the
/// pool itself reports: PostgresClient says, in its background log, when an attempt to open a
/// connection failed and when one succeeded or was lent. While the latest of those is a
/// failure, a transaction still waiting for a connection gives up at once as
/// ``DatabaseUnreachable`` instead of queueing behind a server that is down; a busy pool keeps
/// lending, so its waiters keep waiting however long their turn takes.
final class ConnectionHealth: Sendable {
    /// One transaction's wait for its connection.
    final class Wait: Sendable {
        private let granted = Mutex(false)

        var isOver: Bool { granted.withLock { $0 } }

        func lent() {
            granted.withLock { $0 = true }
        }
    }

    private struct State {
        var failure: String?
        /// Counts the connections that worked, so that a failure seen twice is known to be the
        /// same one and not a new failure after a success.
        var successes = 0
    }

    /// How often a waiting transaction looks again; also how long a failure must stand, so that
    /// one refused connection among working ones (the server's connection limit) cuts nobody
    /// short.
    static let recheck = Duration.milliseconds(250)
    private let state = Mutex(State())

    /// The failure that stands now, if any, and the successes before it.
    private var standing: (failure: String?, after: Int) { state.withLock { ($0.failure, $0.successes) } }

    func connectionFailed(_ reason: String) {
        state.withLock { $0.failure = reason }
    }

    func connectionWorked() {
        state.withLock { state in
            state.failure = nil
            state.successes &+= 1
        }
    }

    /// Returns once the connection was lent; throws when a failed connection attempt has stood
    /// unanswered through two looks in a row first.
    func watch(_ wait: Wait) async throws {
        var seenAfter: Int?
        while true {
            try await Task.sleep(for: Self.recheck)
            if wait.isOver { return }
            let now = standing
            guard let failure = now.failure else {
                seenAfter = nil
                continue
            }
            if seenAfter == now.after { throw DatabaseUnreachable(reason: failure) }
            seenAfter = now.after
        }
    }

    /// How long a transaction may go on after its connection closed before it is given up: its
    /// query fails at once when PostgresNIO answers it at all.
    static let closedGrace = Duration.seconds(2)

    /// Runs until cancelled (when the transaction ends); throws when the transaction's connection
    /// has been closed for ``closedGrace`` while it runs. Only the connection's own state counts:
    /// the pool failing to open others (the server's connection limit) says nothing of it.
    static func watchWhileRunning(closed: () -> Bool) async throws {
        var closedFor = Duration.zero
        while true {
            try await Task.sleep(for: recheck)
            closedFor = closed() ? closedFor + recheck : .zero
            if closedFor >= closedGrace {
                throw DatabaseUnreachable(reason: "the connection closed under a transaction that was never answered")
            }
        }
    }

    /// A log handler to give PostgresClient as its background logger: it forwards what
    /// `forwarding` would print at its own level and keeps the pool's connection events here.
    func logHandler(forwarding logger: Logger) -> any LogHandler {
        PoolEvents(health: self, forward: logger.handler)
    }
}

/// The pool's debug-level events are read here even when the deployment logs only warnings,
/// so this handler asks for everything and passes on only what the real handler would print.
private struct PoolEvents: LogHandler {
    let health: ConnectionHealth
    var forward: any LogHandler

    var logLevel: Logger.Level {
        get { .debug }
        set { forward.logLevel = newValue }
    }

    var metadata: Logger.Metadata {
        get { forward.metadata }
        set { forward.metadata = newValue }
    }

    var metadataProvider: Logger.MetadataProvider? {
        get { forward.metadataProvider }
        set { forward.metadataProvider = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { forward[metadataKey: key] }
        set { forward[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        switch event.message.description {
        case "Connection creation failed":
            // PostgresNIO names its metadata keys with a "psql_" prefix.
            let error = event.metadata?["psql_error"] ?? event.metadata?["error"]
            health.connectionFailed(error.map { "\($0)" } ?? "a connection failed")
        case "Connection established", "Connection leased":
            health.connectionWorked()
        default:
            break
        }
        if event.level >= forward.logLevel { forward.log(event: event) }
    }
}
