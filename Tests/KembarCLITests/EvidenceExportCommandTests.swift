import Foundation
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

@testable import KembarDocuments

/// `kembar export --format qdpx|qdc|codebook-csv`, run as a user runs it.
@Suite struct EvidenceExportCommandTests {
    /// The demonstration with one uploaded document and one coded passage, written in-process.
    static func withCodedDemo(_ body: (TestDatabase) async throws -> Void) async throws {
        try await TestDatabase.withFresh { test in
            let database = try await test.open()
            do {
                try await Migrator.migrate(database, logger: TestDatabase.logger)
                try await RecordStore(database: database).importRecord(
                    Fixtures.demoRecord(), actor: "test", source: "fixture")
                let id = try await DocumentStore(database: database).attach(
                    DocumentUpload(
                        title: "Notulen", kind: .minutes, fileName: "notulen.txt", mediaType: "text/plain",
                        bytes: Array("Kedua pihak sepakat bertemu setiap tahun.".utf8),
                        text: "Kedua pihak sepakat bertemu setiap tahun."),
                    organizationID: "bandung", partnershipID: "bandung-liuzhou", actor: "test")
                _ = try await EvidenceStore(database: database).addSubCode(
                    name: "Janji rapat", description: "Janji, bukan pelaksanaan", parent: "C1", actor: "test")
                _ = try await EvidenceStore(database: database).code(
                    .init(documentID: id, quote: "bertemu setiap tahun", code: "C1/janji-rapat", memo: "memo"),
                    organizationID: "bandung", partnershipID: "bandung-liuzhou", actor: "test")
                try await database.close()
            } catch {
                try? await database.close()
                throw error
            }
            try await body(test)
        }
    }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kembar-\(UUID().uuidString)-\(name)").path
    }

    @Test func writesAValidREFIQDAProjectWithTheCodedPassage() async throws {
        try await Self.withCodedDemo { database in
            let path = Self.temporaryPath("bandung.qdpx")
            defer { try? FileManager.default.removeItem(atPath: path) }
            let outcome = try await KembarProcess.run(
                ["export", "--format", "qdpx", "--output", path, "--language", "en"], environment: database.environment)
            #expect(outcome.status == 0, "\(outcome.standardError)")
            let archive = try ZipArchive(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            let entry = try #require(archive.entry(named: "project.qde"))
            let project = String(decoding: try archive.contents(of: entry, limit: 50_000_000), as: UTF8.self)
            #expect(project.contains("name=\"Kembar – Pemerintah Kota Bandung\""))
            #expect(
                project.contains("<PlainTextSelection ") && project.contains("startPosition=\"20\" endPosition=\"40\""))
            #expect(project.contains("name=\"C1 obligation fulfilment\""))
            #expect(project.contains("name=\"Janji rapat\""))
            try await REFIQDASchema.validate(project)
        }
    }

    @Test func writesTheCodeBookAloneAsQDCAndAsCSV() async throws {
        try await Self.withCodedDemo { database in
            let csv = try await KembarProcess.run(
                ["export", "--format", "codebook-csv"], environment: database.environment)
            #expect(csv.status == 0)
            #expect(csv.standardOutput.hasPrefix("tag,description\r\nkomitmen,"))
            #expect(
                csv.standardOutput.contains(
                    "\r\nkomitmen / C1 pemenuhan kewajiban / Janji rapat,\"Janji, bukan pelaksanaan\"\r\n"))
            let qdc = try await KembarProcess.run(
                ["export", "--format", "qdc", "--language", "en"], environment: database.environment)
            #expect(qdc.status == 0)
            #expect(qdc.standardOutput.contains("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\""))
            #expect(qdc.standardOutput.contains("name=\"tangible results\""))
        }
    }

    @Test func refusesAnUnknownFormatLanguageOrOrganizationAndWritesNoFile() async throws {
        try await Self.withCodedDemo { database in
            let path = Self.temporaryPath("x.qdpx")
            for arguments in [
                ["--format", "nvivo"], ["--format", "qdpx", "--language", "fr"],
                ["--format", "qdpx", "--organization", "nowhere"],
            ] {
                let outcome = try await KembarProcess.run(
                    ["export"] + arguments + ["--output", path], environment: database.environment)
                #expect(outcome.status != 0, "\(arguments)")
                #expect(!outcome.standardError.isEmpty, "\(arguments)")
                #expect(!FileManager.default.fileExists(atPath: path), "\(arguments)")
            }
        }
    }
}
