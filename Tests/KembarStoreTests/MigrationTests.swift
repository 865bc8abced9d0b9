import KembarStore
import KembarTestSupport
import SQLKit
import Testing

@Suite struct MigrationTests {
    @Test func bringsAnEmptyDatabaseToTheNewestVersionOnce() async throws {
        try await TestDatabase.withFresh { test in
            let database = try await test.open()
            do {
                #expect(try await Migrator.version(of: database) == 0)
                let applied = try await Migrator.migrate(database, logger: TestDatabase.logger)
                #expect(applied.map(\.version) == Migration.all.map(\.version))
                #expect(try await Migrator.version(of: database) == Migration.all.last?.version)
                #expect(try await Migrator.migrate(database, logger: TestDatabase.logger).isEmpty)
                #expect(try await RecordStore(database: database).isEmpty())
                try await database.close()
            } catch {
                try? await database.close()
                throw error
            }
        }
    }

    @Test func refusesADatabaseMigratedByANewerKembar() async throws {
        try await TestDatabase.withMigrated { database in
            try await database.write { sql in
                try await sql.raw(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')"
                ).run()
            }
            await #expect(
                throws: StoreError.migrationFromNewerVersion(applied: 999, known: Migration.all.last!.version)
            ) {
                try await Migrator.migrate(database, logger: TestDatabase.logger)
            }
        }
    }

    @Test func rollsBackAWriteThatFails() async throws {
        struct Boom: Error {}
        try await TestDatabase.withMigrated { database in
            await #expect(throws: Boom.self) {
                try await database.write { sql in
                    try await sql.raw(
                        "INSERT INTO organizations (id, name, place_name, place_country, created_at, updated_at) VALUES ('x', 'X', 'X', 'ID', 'now', 'now')"
                    ).run()
                    throw Boom()
                }
            }
            let isEmpty = try await RecordStore(database: database).isEmpty()
            #expect(isEmpty)
        }
    }
}
