import Foundation
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

@Suite struct ImportExportCommandTests {
    private func temporaryFile(_ contents: Data, name: String = "record.json") throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kembar-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try contents.write(to: url)
        return url
    }

    @Test func importsAndExportsTheSameBytes() async throws {
        try await TestDatabase.withFresh { database in
            let file = try temporaryFile(try Fixtures.demoBytes())
            let imported = try await KembarProcess.run(["import", file.path], environment: database.environment)
            #expect(imported.status == 0, "\(imported.standardError)")
            #expect(imported.standardOutput.contains("10 partnerships"))
            let output = file.deletingLastPathComponent().appendingPathComponent("export.json")
            let exported = try await KembarProcess.run(
                ["export", "--output", output.path], environment: database.environment)
            #expect(exported.status == 0, "\(exported.standardError)")
            #expect(try Data(contentsOf: output) == (try Fixtures.demoBytes()))
            let toStandardOutput = try await KembarProcess.run(["export"], environment: database.environment)
            #expect(Data(toStandardOutput.standardOutput.utf8) == (try Fixtures.demoBytes()))
        }
    }

    @Test func printsEveryErrorWithItsPathAndWritesNothing() async throws {
        try await TestDatabase.withFresh { database in
            let broken = try Fixtures.demoJSON()
                .replacing(["partnerships", 0, "activities", 0, "titel"], with: .string("x"))
                .replacing(["partnerships", 0, "activities", 1, "start"], with: .string("2021-02-30"))
                .replacing(["partnerships", 0, "obligations", 0, "agreement"], with: .string("nope"))
            let file = try temporaryFile(Data(JSONWriter.bytes(broken)))
            let outcome = try await KembarProcess.run(["import", file.path], environment: database.environment)
            #expect(outcome.status != 0)
            #expect(outcome.standardError.contains("3 errors"))
            #expect(outcome.standardError.contains("$.partnerships[0].activities[0].titel"))
            #expect(outcome.standardError.contains("$.partnerships[0].activities[1].start"))
            #expect(outcome.standardError.contains("$.partnerships[0].obligations[0].agreement"))
            #expect(outcome.standardError.contains("nothing was written"))
            let store = try await database.open()
            do {
                try await Migrator.migrate(store, logger: TestDatabase.logger)
                #expect(try await RecordStore(database: store).isEmpty())
                try await store.close()
            } catch {
                try? await store.close()
                throw error
            }
        }
    }

    @Test func failsClearlyOnAMissingFileOrAnExistingOrganization() async throws {
        try await TestDatabase.withFresh { database in
            let missing = try await KembarProcess.run(
                ["import", "/nonexistent/record.json"], environment: database.environment)
            #expect(missing.status != 0)
            #expect(missing.standardError.contains("cannot read /nonexistent/record.json"))
            let file = try temporaryFile(try Fixtures.demoBytes())
            #expect(try await KembarProcess.run(["import", file.path], environment: database.environment).status == 0)
            let again = try await KembarProcess.run(["import", file.path], environment: database.environment)
            #expect(again.status != 0)
            #expect(again.standardError.contains("--replace"))
            let replaced = try await KembarProcess.run(
                ["import", "--replace", file.path], environment: database.environment)
            #expect(replaced.status == 0)
        }
    }

    @Test func validatesWithoutWritingOnADryRunAndReadsStandardInput() async throws {
        try await TestDatabase.withFresh { database in
            let dryRun = try await KembarProcess.run(
                ["import", "--dry-run", "-"], environment: database.environment, input: try Fixtures.demoBytes())
            #expect(dryRun.status == 0, "\(dryRun.standardError)")
            #expect(dryRun.standardOutput.contains("is valid"))
            let export = try await KembarProcess.run(["export"], environment: database.environment)
            #expect(export.status != 0)
            #expect(export.standardError.contains("empty"))
        }
    }

    @Test func generatesADeterministicSyntheticRecordThatImports() async throws {
        try await TestDatabase.withFresh { database in
            let first = try await KembarProcess.run(["generate", "--partnerships", "5", "--activities", "50"])
            let second = try await KembarProcess.run(["generate", "--partnerships", "5", "--activities", "50"])
            #expect(first.status == 0)
            #expect(first.standardOutput == second.standardOutput)
            let imported = try await KembarProcess.run(
                ["import", "-"], environment: database.environment, input: Data(first.standardOutput.utf8))
            #expect(imported.status == 0, "\(imported.standardError)")
            let bad = try await KembarProcess.run(["generate", "--partnerships", "-1"])
            #expect(bad.status != 0)
        }
    }
}

@Suite struct MigrateAndHelpCommandTests {
    @Test func migratesAndSaysSo() async throws {
        try await TestDatabase.withFresh { database in
            let first = try await KembarProcess.run(["migrate"], environment: database.environment)
            #expect(first.status == 0, "\(first.standardError)")
            #expect(first.standardOutput.contains("applied 1: cooperation record"))
            let second = try await KembarProcess.run(["migrate"], environment: database.environment)
            #expect(second.standardOutput.contains("up to date"))
        }
    }

    @Test func explainsEveryCommand() async throws {
        let help = try await KembarProcess.run(["--help"])
        #expect(help.status == 0)
        for command in ["serve", "migrate", "import", "export", "generate"] {
            #expect(help.standardOutput.contains(command))
            let commandHelp = try await KembarProcess.run([command, "--help"])
            #expect(commandHelp.status == 0)
            #expect(commandHelp.standardOutput.contains("USAGE: kembar \(command)"))
        }
    }

    @Test func reportsABadDatabaseURL() async throws {
        let outcome = try await KembarProcess.run(["migrate"], environment: ["DATABASE_URL": "mysql://nope"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("DATABASE_URL"))
    }

}
