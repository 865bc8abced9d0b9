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

    /// Connects with a URL such as `postgres://user:password@host:5432/database?sslmode=require`.
    public init(url: String, logger: Logger, maximumConnections: Int = 20) throws {
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
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.logger = logger
        self.location =
            "PostgreSQL \(core.username)@\(core.host ?? core.unixSocketPath ?? "localhost"):\(core.port ?? 5432)/\(core.database ?? core.username)"
        self.runner = Task { await client.run() }
    }

    public func read<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        // A repeatable-read snapshot, so that multi-query reads such as an export are consistent.
        try await transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    public func write<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await transaction(begin: "BEGIN", body)
    }

    /// Runs `body` between BEGIN and COMMIT, rolling back and rethrowing the body's own error
    /// (PostgresClient's `withTransaction` would wrap it, hiding it from callers).
    private func transaction<R: Sendable>(
        begin: String, _ body: @escaping @Sendable (any SQLDatabase) async throws -> R
    ) async throws -> R {
        try await client.withConnection { connection in
            try await connection.query(PostgresQuery(unsafeSQL: begin), logger: self.logger)
            do {
                let result = try await body(connection.sql(queryLogLevel: .trace))
                try await connection.query("COMMIT", logger: self.logger)
                return result
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: self.logger)
                throw error
            }
        }
    }

    public func close() async throws {
        runner.cancel()
        await runner.value
    }
}
