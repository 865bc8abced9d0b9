import Foundation
import KembarTestSupport
import Testing

@Suite struct DirectoryCommandTests {
    @Test func theDirectoryIsLoadedAndSearchedFromTheCommandLine() async throws {
        try await TestDatabase.withFresh { database in
            let loaded = try await KembarProcess.run(["directory", "import"], environment: database.environment)
            #expect(loaded.status == 0, "\(loaded.standardError)")
            #expect(loaded.standardOutput.contains("loaded 25914 pairs"))
            let found = try await KembarProcess.run(
                ["directory", "search", "LIUZHOU", "--country", "cn"], environment: database.environment)
            #expect(found.standardOutput.contains("Liuzhou (China) — Bandung (Indonesia)"))
            let json = try await KembarProcess.run(
                ["directory", "search", "Liuzhou", "--format", "json"], environment: database.environment)
            let items = try #require(
                try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
            #expect(items.contains { $0["twin"] as? String == "Bandung" && $0["twinCountry"] as? String == "ID" })
        }
    }

    @Test func aFileWithOtherColumnsIsRefusedAndTheDirectoryKept() async throws {
        try await TestDatabase.withFresh { database in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("dir-\(UUID().uuidString).csv")
            try Data("name,country\nLiuzhou,China\n".utf8).write(to: file)
            let refused = try await KembarProcess.run(
                ["directory", "import", file.path], environment: database.environment)
            #expect(refused.status == 1)
            #expect(refused.standardError.contains("is not a twin-town directory"))
            #expect(refused.standardError.contains("nothing was written"))
        }
    }
}
