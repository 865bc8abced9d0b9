import Foundation
import KembarCore
import KembarTestSupport
import Testing

/// `kembar import` of several governments: each written after the one it belongs to.
@Suite struct HierarchyImportCommandTests {
    static func temporaryFile(_ contents: Data, name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kembar-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try contents.write(to: url)
        return url
    }

    @Test func aCityIsImportedAfterItsProvinceWhateverTheOrderOfTheFiles() async throws {
        try await TestDatabase.withFresh { database in
            func document(_ id: String, _ level: String, parent: String?) throws -> URL {
                var json = try Fixtures.demoJSON().replacing(["organization", "id"], with: .string(id))
                    .replacing(["organization", "level"], with: .string(level))
                if let parent { json = json.replacing(["organization", "parent"], with: .string(parent)) }
                return try Self.temporaryFile(Data(JSONWriter.bytes(json)), name: "\(id).json")
            }
            let city = try document("kota-bandung", "city", parent: "prov-jabar")
            let province = try document("prov-jabar", "province", parent: nil)
            let imported = try await KembarProcess.run(
                ["import", city.path, province.path], environment: database.environment)
            #expect(imported.status == 0, "\(imported.standardError)")
            let lines = imported.standardOutput.split(separator: "\n")
            #expect(lines.first?.contains("prov-jabar") == true)
            #expect(lines.last?.contains("kota-bandung") == true)

            let a = try document("kota-a", "city", parent: "kota-b")
            let b = try document("kota-b", "city", parent: "kota-a")
            let circle = try await KembarProcess.run(["import", a.path, b.path], environment: database.environment)
            #expect(circle.status == 1)
            #expect(circle.standardError.contains("belong to each other in a circle"))
        }
    }
}
