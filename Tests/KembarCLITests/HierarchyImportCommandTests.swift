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

/// `kembar report national`: the yearly reports of a synthetic nation, compiled.
@Suite struct NationalReportCommandTests {
    @Test func aSyntheticNationIsCompiledByProvince() async throws {
        try await TestDatabase.withFresh { database in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nation-\(UUID().uuidString)")
            let made = try await KembarProcess.run(
                [
                    "generate", "--governments", "15", "--partnerships", "2", "--activities", "4", "--output-dir",
                    folder.path,
                ],
                environment: database.environment)
            try #require(made.status == 0)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().reversed()
                .map { folder.appendingPathComponent($0).path }
            let imported = try await KembarProcess.run(["import"] + files, environment: database.environment)
            try #require(imported.status == 0, "\(imported.standardError)")
            let national = try await KembarProcess.run(
                ["report", "national", "--year", "2025", "--today", "2026-03-01", "--format", "csv"],
                environment: database.environment)
            #expect(national.status == 0, "\(national.standardError)")
            let governments = Set(
                national.standardOutput.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[1] })
            #expect(governments.count == 15)
            let province = try await KembarProcess.run(
                [
                    "report", "national", "--year", "2025", "--today", "2026-03-01", "--format", "csv", "--province",
                    "gov-001",
                ],
                environment: database.environment)
            let own = Set(
                province.standardOutput.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[1] })
            #expect(own.count == 1 + 14 / 2)
            let html = try await KembarProcess.run(
                ["report", "national", "--year", "2025", "--today", "2026-03-01"], environment: database.environment)
            #expect(html.standardOutput.contains("Kompilasi laporan tahunan kerja sama luar negeri tahun 2025"))
            let missing = try await KembarProcess.run(
                ["report", "national", "--year", "2025", "--province", "gov-009"], environment: database.environment)
            #expect(missing.status == 1)
            #expect(missing.standardError.contains("no province \"gov-009\""))
        }
    }
}
