import Foundation
import KembarStore
import Logging
import PostgresKit
import PostgresNIO

/// A fresh, empty database for one test: a SQLite file in a temporary folder by default, or a
/// new PostgreSQL database when `KEMBAR_TEST_POSTGRES_URL` names a server (CI sets it). Each test
/// gets its own, so Swift Testing can run them in parallel. A migrated one is a copy of a database
/// migrated once per test run (the migrations load the gazetteer's 32,847 cities, which each test
/// need not load again).
public struct TestDatabase: Sendable {
    /// The environment a `kembar` process needs to use this database.
    public let environment: [String: String]
    public let configuration: DatabaseConfiguration

    public static let logger: Logger = {
        var logger = Logger(label: "kembar.tests")
        logger.logLevel = .warning
        return logger
    }()

    public var isPostgres: Bool {
        if case .postgres = configuration { return true }
        return false
    }

    /// Opens the database; on PostgreSQL with a few connections only, since the tests run side
    /// by side and the server's connections are shared by all of them.
    public func open() async throws -> any KembarDatabase {
        switch configuration {
        case .postgres(let url):
            try PostgresKembarDatabase(url: url, logger: TestDatabase.logger, maximumConnections: 4)
        case .sqlite: try await configuration.open(logger: TestDatabase.logger)
        }
    }

    /// Runs `body` with a fresh database that is removed afterwards.
    public static func withFresh<R>(_ body: (TestDatabase) async throws -> R) async throws -> R {
        if let serverURL = ProcessInfo.processInfo.environment["KEMBAR_TEST_POSTGRES_URL"], !serverURL.isEmpty {
            return try await withPostgres(serverURL: serverURL, body)
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kembar-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = TestDatabase(
            environment: ["KEMBAR_DATA_DIR": directory.path],
            configuration: .sqlite(path: directory.appendingPathComponent(DatabaseConfiguration.databaseFileName).path))
        return try await body(database)
    }

    /// Runs `body` with an open, migrated, fresh database, closing it afterwards whatever happens.
    public static func withMigrated<R>(_ body: (any KembarDatabase) async throws -> R) async throws -> R {
        if let serverURL = ProcessInfo.processInfo.environment["KEMBAR_TEST_POSTGRES_URL"], !serverURL.isEmpty {
            let template = try await MigratedTemplate.shared.postgres(serverURL: serverURL)
            return try await withPostgres(serverURL: serverURL, template: template) { try await migrated($0, body) }
        }
        let template = try await MigratedTemplate.shared.sqlite()
        return try await withFresh { test in
            if case .sqlite(let path) = test.configuration {
                try FileManager.default.copyItem(atPath: template, toPath: path)
            }
            return try await migrated(test, body)
        }
    }

    /// Opens a copy of the migrated template (migrating it, which finds nothing to do, to be sure).
    private static func migrated<R>(_ test: TestDatabase, _ body: (any KembarDatabase) async throws -> R)
        async throws -> R
    {
        let database = try await test.open()
        do {
            try await Migrator.migrate(database, logger: logger)
            let result = try await body(database)
            try await database.close()
            return result
        } catch {
            try? await database.close()
            throw error
        }
    }

    private static func withPostgres<R>(
        serverURL: String, template: String? = nil, _ body: (TestDatabase) async throws -> R
    ) async throws -> R {
        let name = "kembar_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await administer(
            serverURL: serverURL, "CREATE DATABASE \(name)" + (template.map { " TEMPLATE \($0)" } ?? ""))
        guard var components = URLComponents(string: serverURL) else { throw TestDatabaseError.badURL(serverURL) }
        components.path = "/" + name
        let url = components.string!
        do {
            let result = try await body(
                TestDatabase(environment: ["DATABASE_URL": url], configuration: .postgres(url: url)))
            try await administer(serverURL: serverURL, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            return result
        } catch {
            try? await administer(serverURL: serverURL, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            throw error
        }
    }

    /// Runs a statement that cannot run inside a transaction, on the server's maintenance database.
    /// PostgreSQL creates and drops databases one at a time; a test run starts hundreds of tests
    /// at once, whose waiting connections would fill the server, so only a few wait at a time.
    static func administer(serverURL: String, _ statement: String) async throws {
        await administrators.acquire()
        do {
            try await run(statement, serverURL: serverURL)
            await administrators.release()
        } catch {
            await administrators.release()
            throw error
        }
    }

    private static func run(_ statement: String, serverURL: String) async throws {
        _ = try await query(statement, serverURL: serverURL)
    }

    /// The first column of each row a statement returns, as text.
    static func query(_ statement: String, serverURL: String) async throws -> [String] {
        let core = try SQLPostgresConfiguration(url: serverURL).coreConfiguration
        let connection = try await PostgresConnection.connect(configuration: core, id: 1, logger: logger)
        do {
            var values: [String] = []
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger) {
                if let value = try? row.decode(String.self) { values.append(value) }
            }
            try await connection.close()
            return values
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

/// Lets at most `limit` callers through at once; the others wait their turn, first come first.
actor Turnstile {
    private let limit: Int
    private var inside = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        self.limit = limit
    }

    func acquire() async {
        if inside < limit {
            inside += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// The place passes straight to the next in line, if any.
    func release() {
        if waiting.isEmpty {
            inside -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

private let administrators = Turnstile(limit: 4)

enum TestDatabaseError: Error {
    case badURL(String)
}
