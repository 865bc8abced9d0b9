import Logging
import NIOSSL
import PostgresKit
import PostgresNIO
import SQLKit

/// PostgreSQL, for deployments where several app instances share one database.
public final class PostgresKembarDatabase: KembarDatabase {
    public let dialect = DatabaseDialect.postgres
    public let location: String
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger
    private let health = ConnectionHealth()

    /// Connects with a URL such as `postgres://user:password@host:5432/database?sslmode=require`.
    public init(
        url: String, logger: Logger, maximumConnections: Int = 20
    ) throws {
        let parsed: SQLPostgresConfiguration
        do {
            parsed = try SQLPostgresConfiguration(url: url)
        } catch {
            throw StoreError.configuration(
                "DATABASE_URL is not a valid PostgreSQL URL (postgres://user:password@host:port/database)")
        }
        let core = parsed.coreConfiguration
        let tls: PostgresClient.Configuration.TLS =
            core.tls.isEnforced
            ? .require(.makeClientConfiguration()) : core.tls.isAllowed ? .prefer(.makeClientConfiguration()) : .disable
        var configuration: PostgresClient.Configuration
        if let socket = core.unixSocketPath {
            configuration = .init(
                unixSocketPath: socket, username: core.username, password: core.password, database: core.database)
        } else {
            configuration = .init(
                host: core.host ?? "localhost", port: core.port ?? 5432, username: core.username,
                password: core.password, database: core.database, tls: tls)
        }
        configuration.options.maximumConnections = maximumConnections
        let poolLogger = Logger(label: logger.label) { [health] _ in health.logHandler(forwarding: logger) }
        let client = PostgresClient(configuration: configuration, backgroundLogger: poolLogger)
        self.client = client
        self.logger = logger
        self.location =
            "PostgreSQL \(core.username)@\(core.host ?? core.unixSocketPath ?? "localhost"):\(core.port ?? 5432)/\(core.database ?? core.username)"
        // Started at once, so that run() has begun before the first query leases a connection
        // (a plain Task may start later, and the client then warns that run() was not called).
        self.runner = Task.immediate { await client.run() }
    }

    public func read<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        // A repeatable-read snapshot, so that multi-query reads such as an export are consistent.
        try await transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    public func write<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await transaction(begin: "BEGIN", body)
    }

    /// Runs `body` between BEGIN and COMMIT, rolling back and rethrowing the body's own error
    /// (PostgresClient's `withTransaction` would wrap it, hiding it from callers). A transaction
    /// that cannot have a connection while none is being lent at all (the server down or
    /// restarting) fails with ``DatabaseUnreachable`` (``ConnectionHealth``), rather than waiting
    /// for the pool to give up. So does one whose server goes away while it runs: PostgresNIO
    /// 1.33 never answers a query sent on a connection that has just closed (the server shutting
    /// down under load), which would leave the request waiting for ever; the transaction is
    /// given up (``AbandonableWork``) once its connection has been closed for a while.
    private func transaction<R: Sendable>(
        begin: String, _ body: @escaping @Sendable (any SQLDatabase) async throws -> R
    ) async throws -> R {
        let client = self.client
        let logger = self.logger
        let health = self.health
        let wait = ConnectionHealth.Wait()
        let lent = LentConnection()
        return try await AbandonableWork.run {
            try await client.withConnection { connection in
                // Lent after the transaction was given up: it must not run (and write) now.
                try Task.checkCancellation()
                lent.set(connection)
                wait.lent()
                try await connection.query(PostgresQuery(unsafeSQL: begin), logger: logger)
                do {
                    let result = try await body(connection.sql(queryLogLevel: .trace))
                    try await connection.query("COMMIT", logger: logger)
                    return result
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        } unless: {
            try await health.watch(wait)
            try await ConnectionHealth.watchWhileRunning(closed: { lent.isClosed })
        }
    }

    public func close() async throws {
        runner.cancel()
        await runner.value
    }
}
