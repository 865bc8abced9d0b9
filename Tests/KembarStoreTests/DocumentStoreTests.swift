import Foundation
import KembarCore
import KembarStore
import KembarTestSupport
import SQLKit
import Testing

/// Uploaded documents on both databases: the record, the file and the search index change
/// together, and files and codings live as long as their document.
@Suite struct DocumentStoreTests {
    static let minutes = "Notulen rapat.\nKedua pihak sepakat bertemu setiap tahun di kota yang bergiliran."

    static func upload(activity: String? = nil, text: String? = minutes) -> DocumentUpload {
        DocumentUpload(
            title: "Notulen Rapat Kelompok Kerja", kind: .minutes, date: try! PartialDate(parsing: "2024-03-05"),
            language: "id", activityID: activity, fileName: "notulen.txt", mediaType: "text/plain",
            bytes: Array((text ?? "%PDF-").utf8), text: text)
    }

    static func withRecord(_ body: @escaping @Sendable (any KembarDatabase) async throws -> Void) async throws {
        try await TestDatabase.withMigrated { database in
            try await RecordStore(database: database).importRecord(
                Fixtures.minimalRecord(), actor: "test", source: "fixture")
            try await body(database)
        }
    }

    @Test func anUploadBecomesADocumentOfTheRecordWithItsFileKept() async throws {
        try await Self.withRecord { database in
            let store = DocumentStore(database: database)
            let id = try await store.attach(
                Self.upload(activity: "visit"), organizationID: "kota-contoh", partnershipID: "contoh-mitra",
                actor: "ani@example.org (officer)")
            #expect(id == "notulen-rapat-kelompok-kerja")
            let record = try await RecordStore(database: database).exportRecord(organizationID: "kota-contoh")
            let partnership = try #require(record.partnerships.first)
            let document = try #require(partnership.documents.first { $0.id == id })
            #expect(document.text == Self.minutes && document.kind == .minutes && document.language == "id")
            #expect(partnership.activities.first?.documents == [id])
            let stored = try #require(
                try await store.content(organizationID: "kota-contoh", partnershipID: "contoh-mitra", documentID: id))
            #expect(stored.bytes == Array(Self.minutes.utf8))
            #expect(stored.file.byteCount == Self.minutes.utf8.count && stored.file.hasText)
            #expect(stored.file.sha256.count == 64 && stored.file.uploadedBy == "ani@example.org (officer)")
            let hits = try await SearchStore(database: database).search(
                SearchQuery("bergiliran"), in: .init(organizationID: "kota-contoh")
            ).hits
            #expect(hits.contains { $0.recordID == id })
            let audit = try await AuditLog.entries(
                in: database, organizationID: "kota-contoh", partnershipID: "contoh-mitra")
            #expect(audit.contains { $0.entity == "document" && $0.summary.contains("notulen.txt") })
        }
    }

    @Test func aSecondUploadOfTheSameTitleGetsItsOwnId() async throws {
        try await Self.withRecord { database in
            let store = DocumentStore(database: database)
            let first = try await store.attach(
                Self.upload(), organizationID: "kota-contoh", partnershipID: "contoh-mitra", actor: "a")
            let second = try await store.attach(
                Self.upload(), organizationID: "kota-contoh", partnershipID: "contoh-mitra", actor: "a")
            #expect(first != second)
            let files = try await store.files(organizationID: "kota-contoh", partnershipID: "contoh-mitra")
            #expect(files.count == 2)
        }
    }

    @Test func anUnknownActivityWritesNothing() async throws {
        try await Self.withRecord { database in
            let store = DocumentStore(database: database)
            await #expect(throws: DocumentStore.Failure.activityNotFound("nope")) {
                try await store.attach(
                    Self.upload(activity: "nope"), organizationID: "kota-contoh", partnershipID: "contoh-mitra",
                    actor: "a")
            }
            #expect(try await store.files(organizationID: "kota-contoh", partnershipID: "contoh-mitra").isEmpty)
            let record = try await RecordStore(database: database).exportRecord(organizationID: "kota-contoh")
            #expect(record.partnerships[0].documents.isEmpty)
        }
    }

    @Test func filesAndCodingsFollowARenamedPartnershipAndGoWithTheirDocument() async throws {
        try await Self.withRecord { database in
            let store = DocumentStore(database: database)
            let records = RecordStore(database: database)
            let id = try await store.attach(
                Self.upload(), organizationID: "kota-contoh", partnershipID: "contoh-mitra", actor: "a")
            try await EvidenceStore(database: database).code(
                .init(documentID: id, quote: "bertemu setiap tahun", code: "C1", memo: ""),
                organizationID: "kota-contoh", partnershipID: "contoh-mitra", actor: "a")
            let stored = try #require(
                try await records.partnership(organizationID: "kota-contoh", id: "contoh-mitra"))
            var renamed = stored.partnership
            renamed.id = "contoh-baru"
            try await records.savePartnership(
                renamed, organizationID: "kota-contoh", replacing: "contoh-mitra",
                partner: .existing(stored.partnerID),
                change: Change(
                    actor: "a", action: "update", entity: "partnership", entityID: "contoh-baru", summary: "renamed"))
            #expect(try await store.files(organizationID: "kota-contoh", partnershipID: "contoh-baru").count == 1)
            #expect(
                try await EvidenceStore(database: database).excerpts(
                    organizationIDs: ["kota-contoh"], partnershipID: "contoh-baru"
                ).count == 1)
            // An import that no longer holds the document removes its file and codings with it.
            var record = try await records.exportRecord(organizationID: "kota-contoh")
            record.partnerships[0].documents = []
            try await records.importRecord(record, replacing: true, actor: "a", source: "test")
            #expect(try await store.files(organizationID: "kota-contoh", partnershipID: "contoh-baru").isEmpty)
            let remaining = try await EvidenceStore(database: database).excerpts(organizationIDs: ["kota-contoh"])
            #expect(remaining.isEmpty)
        }
    }

    @Test func aReimportThatKeepsTheDocumentKeepsItsFile() async throws {
        try await Self.withRecord { database in
            let store = DocumentStore(database: database)
            let records = RecordStore(database: database)
            try await store.attach(
                Self.upload(), organizationID: "kota-contoh", partnershipID: "contoh-mitra", actor: "a")
            let record = try await records.exportRecord(organizationID: "kota-contoh")
            try await records.importRecord(record, replacing: true, actor: "a", source: "test")
            #expect(try await store.files(organizationID: "kota-contoh", partnershipID: "contoh-mitra").count == 1)
        }
    }
}
