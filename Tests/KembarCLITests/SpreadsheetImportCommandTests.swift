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

    @Test func theTemplateTheRecordAndTheYearlyReportAreWrittenAsWorkbooks() async throws {
        try await TestDatabase.withFresh { database in
            try await demo(database)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (arguments, name) in [
                (["template"], "template.xlsx"), (["export", "--format", "xlsx"], "record.xlsx"),
                (["report", "annual", "--year", "2025", "--format", "xlsx"], "report.xlsx"),
            ] {
                let path = folder.appendingPathComponent(name).path
                let run = try await KembarProcess.run(
                    arguments + ["--output", path], environment: database.environment)
                #expect(run.status == 0, "\(name): \(run.standardError)")
                let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
                // A ZIP archive with a workbook inside (the workbooks' contents are tested in KembarWebTests).
                #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "\(name)")
                #expect(String(decoding: bytes, as: UTF8.self).contains("xl/workbook.xml"), "\(name)")
            }
            let record = try await KembarProcess.run(
                [
                    "import", "--from", "xlsx", folder.appendingPathComponent("record.xlsx").path, "--organization",
                    "bandung", "--language", "en",
                ], environment: database.environment)
            #expect(record.status == 0, "\(record.standardError)")
            #expect(record.standardOutput.contains("The record already holds everything on this list"))
        }
    }

    @Test func partnersWithoutCoordinatesArePlacedFromTheCommandLine() async throws {
        try await TestDatabase.withFresh { database in
            try await demo(database)
            let list = try file(
                "Nama Mitra;Negara;Jenis;Tanggal MoU\nHamamatsu;Jepang;Kota Kembar;2024\nSan Fernando;Filipina;Kota Kembar;2020\n",
                name: "daftar.csv")
            _ = try await KembarProcess.run(
                ["import", "--from", "csv", list.path, "--organization", "bandung"], environment: database.environment)
            let located = try await KembarProcess.run(
                ["partners", "locate", "--organization", "bandung"], environment: database.environment)
            #expect(located.status == 0, "\(located.standardError)")
            #expect(located.standardOutput.contains("placed: Hamamatsu (JP) at Hamamatsu, 34.7, 137.73333"))
            #expect(
                located.standardOutput.contains("left for a person: San Fernando (PH): several cities of this name"))
            let hamamatsu = try await record(database).partnerships.first { $0.partner.name == "Hamamatsu" }
            #expect(hamamatsu?.partner.coordinate == Coordinate(latitude: 34.7, longitude: 137.73333))
            let unknown = try await KembarProcess.run(
                ["partners", "locate", "--organization", "nowhere"], environment: database.environment)
            #expect(unknown.status == 1)
            #expect(unknown.standardError.contains("no organization \"nowhere\""))
        }
    }
}
