import Foundation
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// `kembar import --from xlsx|csv`: the messages of the import page, exit 1 and nothing written on any error.
@Suite struct SpreadsheetImportCommandTests {
    private func file(_ text: String, name: String, encoding: String.Encoding = .utf8) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kembar-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try #require(text.data(using: encoding)).write(to: url)
        return url
    }

    private func record(_ database: TestDatabase) async throws -> CooperationRecord {
        let store = try await database.open()
        do {
            let record = try await RecordStore(database: store).exportRecord()
            try await store.close()
            return record
        } catch {
            try? await store.close()
            throw error
        }
    }

    private func demo(_ database: TestDatabase) async throws {
        let demo = try file(String(decoding: try Fixtures.demoBytes(), as: UTF8.self), name: "demo.json")
        let imported = try await KembarProcess.run(["import", demo.path], environment: database.environment)
        try #require(imported.status == 0, "\(imported.standardError)")
    }

    @Test func aSemicolonListInWindows1252IsPreviewedThenWritten() async throws {
        try await TestDatabase.withFresh { database in
            try await demo(database)
            let list = try file(
                "DAFTAR KERJA SAMA;;;\r\nNo;Nama Mitra;Negara;Jenis;Tanggal MoU\r\n1;Liège;Belgia;Kota Kembar;12/03/2012\r\n",
                name: "daftar.csv", encoding: .windowsCP1252)
            let arguments = ["import", "--from", "csv", list.path, "--organization", "bandung", "--language", "en"]
            let trial = try await KembarProcess.run(arguments + ["--dry-run"], environment: database.environment)
            #expect(trial.status == 0, "\(trial.standardError)")
            #expect(trial.standardOutput.contains("New: Liège (Belgium), sister city"))
            #expect(trial.standardOutput.contains("nothing was written"))
            #expect(try await record(database).partnerships.count == 10)
            let written = try await KembarProcess.run(arguments, environment: database.environment)
            #expect(written.status == 0, "\(written.standardError)")
            #expect(written.standardOutput.contains("Written: 1 partnership created"))
            #expect(try await record(database).partnerships.last?.partner.name == "Liège")
        }
    }

    @Test func anErrorInTheListExitsWithItsCellAndWritesNothing() async throws {
        try await TestDatabase.withFresh { database in
            try await demo(database)
            let list = try file(
                "Nama Mitra,Negara,Jenis,Tanggal MoU\nHamamatsu,Jepang,Kota Kembar,2024\nSuwon,Korea,Kota Kembar,30/02/2019\n",
                name: "daftar.csv")
            let outcome = try await KembarProcess.run(
                ["import", "--from", "csv", list.path, "--organization", "bandung"], environment: database.environment)
            #expect(outcome.status == 1)
            #expect(outcome.standardOutput.contains("Galat: lembar “daftar”, baris 3, kolom D (isi sel: “30/02/2019”)"))
            #expect(outcome.standardError.contains("Tidak ada yang disimpan"))
            #expect(try await record(database).partnerships.count == 10)
        }
    }

    @Test func aFileThatIsNotTheNamedFormatIsRefused() async throws {
        try await TestDatabase.withFresh { database in
            try await demo(database)
            let pdf = try file("%PDF-1.4\n%âãÏÓ\n", name: "daftar.xlsx")
            let outcome = try await KembarProcess.run(
                ["import", "--from", "xlsx", pdf.path, "--organization", "bandung", "--language", "en"],
                environment: database.environment)
            #expect(outcome.status == 1)
            #expect(outcome.standardError.contains("This file is a PDF document, not a spreadsheet"))
            let unknown = try await KembarProcess.run(
                ["import", "--from", "csv", pdf.path, "--organization", "nowhere"], environment: database.environment)
            #expect(unknown.status == 1)
            let noOrganization = try await KembarProcess.run(
                ["import", "--from", "csv", pdf.path], environment: database.environment)
            #expect(noOrganization.status != 0)
            #expect(noOrganization.standardError.contains("--organization"))
        }
    }
}
