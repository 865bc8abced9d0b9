import Foundation
import KembarCore
import KembarStore
import KembarTestSupport
import Logging
import Testing

/// Databases made by schemas that shipped (`scripts/make-upgrade-fixture.sh`), brought up to the
/// newest: the record exports as it did, and the account signs in with its password.
@Suite struct UpgradeTests {
    static func fixtures() throws -> [URL] {
        let directory = try #require(Bundle.module.url(forResource: "Fixtures/upgrade", withExtension: nil))
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sqlite" }.sorted { $0.path < $1.path }
    }

    @Test func everyShippedSchemaMigratesToTheNewestWithNothingLost() async throws {
        let fixtures = try Self.fixtures()
        #expect(!fixtures.isEmpty)
        for fixture in fixtures {
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("upgrade-\(UUID()).sqlite")
            try FileManager.default.copyItem(at: fixture, to: copy)
            defer { try? FileManager.default.removeItem(at: copy) }
            let database = try await SQLiteKembarDatabase.open(path: copy.path, logger: Logger(label: "test"))
            do {
                try await Migrator.migrate(database, logger: Logger(label: "test"))
                #expect(try await Migrator.version(of: database) == Migration.all.last?.version)
                let expected = try Data(
                    contentsOf: fixture.deletingPathExtension().appendingPathExtension("kembar.json"))
                let exported = RecordEncoder.encode(try await RecordStore(database: database).exportRecord())
                #expect(exported == Array(expected), "\(fixture.lastPathComponent)")
                let accounts = AccountStore(database: database, passwords: Passwords(cost: 4))
                #expect(
                    try await accounts.verify(email: "budi@bandung.example", password: "the upgrade fixture password")
                        != nil, "\(fixture.lastPathComponent)")
                try await database.close()
            } catch {
                try? await database.close()
                throw error
            }
        }
    }
}
