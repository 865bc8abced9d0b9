import Logging
import Synchronization
import Testing

@testable import KembarStore

/// The pool's own connection events decide whether a waiting transaction gives up: a server
/// that refuses connections is an outage at once, a pool that is only busy is waited for.
struct ConnectionHealthTests {
    /// Keeps what reaches the deployment's own log handler.
    final class Printed: Sendable {
        let messages = Mutex<[String]>([])

        var handler: some LogHandler { Handler(printed: self, logLevel: .info) }

        struct Handler: LogHandler {
            let printed: Printed
            var logLevel: Logger.Level
            var metadata: Logger.Metadata = [:]

            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }

            func log(event: LogEvent) {
                printed.messages.withLock { $0.append(event.message.description) }
            }
        }
    }

    private func poolLogger(_ health: ConnectionHealth, printed: Printed) -> Logger {
        let deployment = Logger(label: "test") { _ in printed.handler }
        return Logger(label: "pool") { _ in health.logHandler(forwarding: deployment) }
    }

    @Test func aFailedConnectionThatStandsEndsTheWait() async throws {
        let health = ConnectionHealth()
        let pool = poolLogger(health, printed: Printed())
        pool.info("Connection creation failed", metadata: ["psql_error": "connection refused"])
        let error = await #expect(throws: DatabaseUnreachable.self) {
            try await health.watch(ConnectionHealth.Wait())
        }
        #expect(error?.reason == "connection refused")
    }

    @Test func aConnectionLentEndsTheWait() async throws {
        let health = ConnectionHealth()
        let wait = ConnectionHealth.Wait()
        let watching = Task { try await health.watch(wait) }
        wait.lent()
        try await watching.value
    }

    @Test func aBusyPoolIsWaitedForHoweverLong() async throws {
        let health = ConnectionHealth()
        let pool = poolLogger(health, printed: Printed())
        let wait = ConnectionHealth.Wait()
        let watching = Task { try await health.watch(wait) }
        // No connection event at all for longer than several looks: the pool is busy, not down.
        try await Task.sleep(for: ConnectionHealth.recheck * 4)
        // A refused connection (the server's connection limit) followed by a lease elsewhere.
        pool.info("Connection creation failed", metadata: ["error": "too many clients"])
        pool.debug("Connection leased")
        try await Task.sleep(for: ConnectionHealth.recheck * 3)
        wait.lent()
        try await watching.value
    }

    @Test func aServerBackAgainIsWaitedFor() async throws {
        let health = ConnectionHealth()
        let pool = poolLogger(health, printed: Printed())
        pool.info("Connection creation failed", metadata: ["error": "connection refused"])
        pool.debug("Connection established")
        let wait = ConnectionHealth.Wait()
        let watching = Task { try await health.watch(wait) }
        try await Task.sleep(for: ConnectionHealth.recheck * 3)
        wait.lent()
        try await watching.value
    }

    @Test func theDeploymentLogKeepsItsLevel() {
        let printed = Printed()
        let pool = poolLogger(ConnectionHealth(), printed: printed)
        pool.debug("Connection leased")
        pool.info("Connection creation failed")
        #expect(printed.messages.withLock { $0 } == ["Connection creation failed"])
    }
}
