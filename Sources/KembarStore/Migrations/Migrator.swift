import Foundation
import Logging
import SQLKit

/// Brings a database's schema up to date, one migration per transaction.
public enum Migrator {
    /// Applies every pending migration and returns the ones applied.
    @discardableResult
    public static func migrate(
        _ database: any KembarDatabase, migrations: [Migration] = Migration.all, logger: Logger
    ) async throws -> [Migration] {
        var applied: [Migration] = []
        for migration in migrations {
            let didApply = try await database.write { sql in
                try await lockAndPrepare(sql, dialect: database.dialect)
                let current = try await currentVersion(sql)
                let newest = migrations.last?.version ?? 0
                if current > newest { throw StoreError.migrationFromNewerVersion(applied: current, known: newest) }
                guard migration.version > current else { return false }
                for statement in migration.statements(database.dialect) {
                    try await sql.raw(SQLQueryString(statement)).run()
                }
                try await migration.fill?(sql)
                try await sql.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(Timestamp.now()))
                    .run()
                return true
            }
            if didApply {
                logger.info("applied migration \(migration.version): \(migration.name)")
                applied.append(migration)
            }
        }
        return applied
    }

    /// The highest migration version applied (0 for a new database).
    public static func version(of database: any KembarDatabase) async throws -> Int {
        try await database.read { sql in
            let exists = try await tableExists(sql, dialect: database.dialect)
            return exists ? try await currentVersion(sql) : 0
        }
    }

    private static func lockAndPrepare(_ sql: any SQLDatabase, dialect: DatabaseDialect) async throws {
        if dialect == .postgres {
            // Several app instances may start at once; only one migrates at a time.
            try await sql.raw("SELECT pg_advisory_xact_lock(7356210)").run()
        }
        try await sql.raw(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
            """
        ).run()
    }

    private static func currentVersion(_ sql: any SQLDatabase) async throws -> Int {
        let row = try await sql.raw("SELECT MAX(version) AS version FROM schema_migrations").first()
        return try row?.decode(column: "version", as: Int?.self) ?? 0
    }

    private static func tableExists(_ sql: any SQLDatabase, dialect: DatabaseDialect) async throws -> Bool {
        let query: SQLQueryString =
            switch dialect {
            case .sqlite:
                "SELECT COUNT(*) AS found FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
            case .postgres:
                "SELECT COUNT(*) AS found FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'"
            }
        return try await sql.raw(query).first()?.decode(column: "found", as: Int.self) ?? 0 > 0
    }
}

/// Timestamps are stored as ISO 8601 text in UTC on both databases.
public enum Timestamp {
    public static func now() -> String {
        string(Date())
    }

    public static func string(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
