import Foundation
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// `kembar backup` and `kembar restore` as a person runs them, on the database the tests use.
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
            #expect(again.standardError.contains("a backup never overwrites a file"))
            // Restored into another database; then refused there without --replace.
            try await TestDatabase.withFresh { target in
                let restored = try await KembarProcess.run(["restore", copy.path], environment: target.environment)
                #expect(restored.status == 0, "\(restored.standardError)")
                #expect(restored.standardOutput.contains("Restored \(copy.path)"))
                let listed = try await KembarProcess.run(["user", "list"], environment: target.environment)
                #expect(listed.standardOutput.contains("chief@example.org"))
                let refused = try await KembarProcess.run(["restore", copy.path], environment: target.environment)
                #expect(refused.status == 1)
                #expect(refused.standardError.contains("add --replace"))
                let replaced = try await KembarProcess.run(
                    ["restore", "--replace", copy.path], environment: target.environment)
                #expect(replaced.status == 0, "\(replaced.standardError)")
            }
        }
    }

    @Test func restoreRefusesWhileAServerRunsOnTheDatabaseAndNotAfterItStops() async throws {
        try await TestDatabase.withFresh { database in
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("kembar-\(UUID()).sqlite")
            defer { try? FileManager.default.removeItem(at: copy) }
            let server = try await RunningServer.start([], environment: database.environment)
            let backup = try await KembarProcess.run(
                ["backup", "--output", copy.path], environment: database.environment)
            #expect(backup.status == 0, "\(backup.standardError)")
            // The server marked its presence before it began to serve.
            let refused = try await KembarProcess.run(
                ["restore", "--replace", copy.path], environment: database.environment)
            #expect(refused.status == 1)
            #expect(refused.standardError.contains("a server is running on the database"))
            #expect(await server.stop() == 0)
            let restored = try await KembarProcess.run(
                ["restore", "--replace", copy.path], environment: database.environment)
            #expect(restored.status == 0, "\(restored.standardError)")
        }
    }
}
