import Foundation
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// A national record: many governments written, and imported each in its own transaction.
@Suite struct NationalCommandTests {
    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kembar-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func generatesOneDocumentPerGovernmentAndImportsThemAll() async throws {
        try await TestDatabase.withFresh { database in
            let directory = try temporaryDirectory()
            let generated = try await KembarProcess.run(
                [
                    "generate", "--governments", "3", "--partnerships", "4", "--activities", "20", "--output-dir",
                    directory.path,
                ], environment: database.environment)
            #expect(generated.status == 0, "\(generated.standardError)")
            let files = ["gov-001", "gov-002", "gov-003"].map { directory.appendingPathComponent("\($0).json").path }
            for file in files {
                let record = try RecordDecoder.decode(try Data(contentsOf: URL(fileURLWithPath: file)))
                #expect(record.partnerships.count == 4)
                #expect(record.partnerships.reduce(0) { $0 + $1.activities.count } == 20)
            }
            // Each government its own: different seeds, different records.
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: files[0]))
                    != Data(contentsOf: URL(fileURLWithPath: files[1])))

            let imported = try await KembarProcess.run(["import"] + files, environment: database.environment)
            #expect(imported.status == 0, "\(imported.standardError)")
            for id in ["gov-001", "gov-002", "gov-003"] {
                #expect(
                    imported.standardOutput.contains("imported organization \"\(id)\": 4 partnerships, 20 activities"))
            }
            // A clean run says nothing of the database client (on PostgreSQL: its run loop started first).
            #expect(imported.standardError.isEmpty, "\(imported.standardError)")
        }
    }

    @Test func aBadDocumentIsRefusedWithItsErrorsAndTheGoodOnesAreWritten() async throws {
        try await TestDatabase.withFresh { database in
            let directory = try temporaryDirectory()
            let good = directory.appendingPathComponent("good.json")
            try Data(try Fixtures.demoBytes()).write(to: good)
            let bad = directory.appendingPathComponent("bad.json")
            let broken = try Fixtures.demoJSON()
                .replacing(["organization", "id"], with: .string("kota-rusak"))
                .replacing(["partnerships", 0, "activities", 1, "start"], with: .string("2021-02-30"))
            try Data(JSONWriter.bytes(broken)).write(to: bad)
            let other = directory.appendingPathComponent("other.json")
            try Data(RecordEncoder.encode(Fixtures.minimalRecord())).write(to: other)

            let outcome = try await KembarProcess.run(
                ["import", good.path, bad.path, other.path], environment: database.environment)
            #expect(outcome.status == 1)
            #expect(outcome.standardError.contains("\(bad.path) is not a valid kembar/1 document (1 error)"))
            #expect(outcome.standardError.contains("$.partnerships[0].activities[1].start"))
            #expect(outcome.standardError.contains("1 of 3 documents refused; the others were written"))
            #expect(outcome.standardOutput.contains("imported organization \"bandung\""))
            #expect(outcome.standardOutput.contains("imported organization \"kota-contoh\""))
            let store = try await database.open()
            do {
                #expect(try await RecordStore(database: store).organizationIDs() == ["bandung", "kota-contoh"])
                try await store.close()
            } catch {
                try? await store.close()
                throw error
            }

            // A government already there is refused by name, the others are written.
            let again = try await KembarProcess.run(["import", good.path], environment: database.environment)
            #expect(again.status == 1)
            #expect(again.standardError.contains("already holds a record for organization \"bandung\""))
        }
    }

    @Test func badServeSettingsAreRefusedAtStartNamingTheFlag() async throws {
        try await TestDatabase.withFresh { database in
            for (arguments, flag) in [
                (["--cache-mb", "0"], "--cache-mb"), (["--cache-mb", "lots"], "--cache-mb"),
                (["--cache-mb", "-5"], "--cache-mb"), (["--time-zone", "Asia/Bandung"], "--time-zone"),
            ] {
                let outcome = try await KembarProcess.run(
                    ["serve", "--port", "0"] + arguments, environment: database.environment)
                #expect(outcome.status != 0, "\(arguments)")
                #expect(outcome.standardError.contains(flag), "\(arguments): \(outcome.standardError)")
            }
        }
    }

    @Test func generateRefusesAnIncompleteNation() async throws {
        for arguments in [
            ["--governments", "3"], ["--output-dir", "/tmp/x"], ["--governments", "0", "--output-dir", "/tmp/x"],
        ] {
            let outcome = try await KembarProcess.run(["generate"] + arguments, environment: [:])
            #expect(outcome.status != 0, "\(arguments)")
            #expect(outcome.standardError.contains("--"), "\(arguments)")
        }
    }
}
