import SQLKit

/// The counter of migration 3: raised inside every write transaction, read before serving a cache.
public enum DataRevision {
    static func raise(_ sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE data_revision SET revision = revision + 1 WHERE id = 1").run()
    }

    public static func current(_ database: any KembarDatabase) async throws -> Int {
        try await database.read { sql in
            try await sql.raw("SELECT revision FROM data_revision WHERE id = 1").first()?
                .decode(column: "revision", as: Int.self) ?? 0
        }
    }
}
