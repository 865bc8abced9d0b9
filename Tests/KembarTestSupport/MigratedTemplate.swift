import Foundation
import KembarStore

/// A database migrated once per test run, which each test that wants a migrated database copies:
/// a SQLite file, or a PostgreSQL template database. Made at the first test that asks.
actor MigratedTemplate {
    static let shared = MigratedTemplate()

    // Tasks, not values: the tests that ask while the first is being made wait for that one.
    private var sqliteTask: Task<String, any Error>?
    private var postgresTask: Task<String, any Error>?

    /// The path of a migrated SQLite file, closed so that it can be copied.
    func sqlite() async throws -> String {
        if let sqliteTask { return try await sqliteTask.value }
        let task = Task { try await Self.makeSQLite() }
        sqliteTask = task
        return try await task.value
    }

    /// The name of a migrated PostgreSQL database to create test databases from.
    func postgres(serverURL: String) async throws -> String {
        if let postgresTask { return try await postgresTask.value }
        let task = Task { try await Self.makePostgres(serverURL: serverURL) }
        postgresTask = task
        return try await task.value
    }

    private static func makeSQLite() async throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kembar-template-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(DatabaseConfiguration.databaseFileName).path
        try await Self.migrate(TestDatabase(environment: [:], configuration: .sqlite(path: path)))
        return path
    }

    /// Templates left by earlier runs are dropped first (one test run uses the server at a time).
    private static func makePostgres(serverURL: String) async throws -> String {
        for stale in try await TestDatabase.query(
            "SELECT datname FROM pg_database WHERE datname LIKE 'kembar_template_%'", serverURL: serverURL)
        {
            try await TestDatabase.administer(serverURL: serverURL, "DROP DATABASE IF EXISTS \(stale) WITH (FORCE)")
        }
        let name = "kembar_template_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await TestDatabase.administer(serverURL: serverURL, "CREATE DATABASE \(name)")
        guard var components = URLComponents(string: serverURL) else { throw TestDatabaseError.badURL(serverURL) }
        components.path = "/" + name
        let url = components.string!
        try await Self.migrate(TestDatabase(environment: [:], configuration: .postgres(url: url)))
        return name
    }

    private static func migrate(_ test: TestDatabase) async throws {
        let database = try await test.open()
        do {
            try await Migrator.migrate(database, logger: TestDatabase.logger)
            try await database.close()
        } catch {
            try? await database.close()
            throw error
        }
    }
}
