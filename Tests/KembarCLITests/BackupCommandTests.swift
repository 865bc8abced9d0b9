import Foundation
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// `kembar backup`: the whole database in one file on SQLite; the way to do it on PostgreSQL.
@Suite struct BackupCommandTests {
    @Test func copiesEverythingIntoAFileThatOpensAsTheDatabase() async throws {
        try await TestDatabase.withFresh { database in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kembar-backup-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let demo = directory.appendingPathComponent("demo.json")
            try Fixtures.demoBytes().write(to: demo)
            _ = try await KembarProcess.run(["import", demo.path], environment: database.environment)
            _ = try await KembarProcess.run(
                ["user", "add", "--role", "admin", "chief@example.org"], environment: database.environment)
            let copy = directory.appendingPathComponent("copy.sqlite")
            let outcome = try await KembarProcess.run(
                ["backup", "--output", copy.path], environment: database.environment)
            if database.environment["DATABASE_URL"] != nil {
                #expect(outcome.status != 0)
                #expect(outcome.standardError.contains("pg_dump --format=custom"))
                return
            }
            #expect(outcome.status == 0, "\(outcome.standardError)")
            let restored = try await DatabaseConfiguration.sqlite(path: copy.path).open(logger: TestDatabase.logger)
            do {
                #expect(try await RecordStore(database: restored).exportRecord() == (try Fixtures.demoRecord()))
                #expect(
                    try await AccountStore(database: restored).accounts(organizationID: nil).map(\.email) == [
                        "chief@example.org"
                    ])
                try await restored.close()
            } catch {
                try? await restored.close()
                throw error
            }
            // Never over another file.
            let again = try await KembarProcess.run(
                ["backup", "--output", copy.path], environment: database.environment)
            #expect(again.status != 0)
            #expect(again.standardError.contains("already exists"))
        }
    }
}
