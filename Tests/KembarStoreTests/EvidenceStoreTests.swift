import Foundation
import KembarCore
import KembarStore
import KembarTestSupport
import SQLKit
import Testing

/// Coding, sub-codes and assessments on both databases.
@Suite struct EvidenceStoreTests {
    static func withDocument(
        _ body: @escaping @Sendable (any KembarDatabase, String) async throws -> Void
    ) async throws {
        try await DocumentStoreTests.withRecord { database in
            let id = try await DocumentStore(database: database).attach(
                DocumentStoreTests.upload(), organizationID: "kota-contoh", partnershipID: "contoh-mitra",
                actor: "a")
            try await body(database, id)
        }
    }

    @Test func aPastedQuoteIsFoundAndCodedWithItsPositions() async throws {
        try await Self.withDocument { database, document in
            let store = EvidenceStore(database: database)
            // Pasted with a line break where the document has a space.
            let excerpt = try await store.code(
                .init(documentID: document, quote: "bertemu setiap\ntahun", code: "C1", memo: "janji JWG"),
                organizationID: "kota-contoh", partnershipID: "contoh-mitra", actor: "rina (researcher)")
            #expect(excerpt.quote == "bertemu setiap tahun")
            let text = DocumentStoreTests.minutes
            #expect(QuoteLocator.passage(excerpt.start..<excerpt.end, of: text) == "bertemu setiap tahun")
            let stored = try await store.excerpts(organizationIDs: ["kota-contoh"])
            #expect(stored == [excerpt])
            let audit = try await AuditLog.entries(in: database, organizationID: "kota-contoh")
            #expect(audit.contains { $0.entity == "excerpt" && $0.actor == "rina (researcher)" })
        }
    }

    @Test func aQuoteNotInTheDocumentSaysSoAndWritesNothing() async throws {
        try await Self.withDocument { database, document in
            let store = EvidenceStore(database: database)
            await #expect(throws: EvidenceError.quote(.notFound)) {
                try await store.code(
                    .init(documentID: document, quote: "tidak pernah bertemu", code: "C1", memo: ""),
                    organizationID: "kota-contoh", partnershipID: "contoh-mitra", actor: "a")
            }
            await #expect(throws: EvidenceError.quote(.empty)) {
                try await store.code(
                    .init(documentID: document, quote: "  \n ", code: "C1", memo: ""),
                    organizationID: "kota-contoh", partnershipID: "contoh-mitra", actor: "a")
            }
            await #expect(throws: EvidenceError.unknownCode("Z9")) {
                try await store.code(
                    .init(documentID: document, quote: "bertemu", code: "Z9", memo: ""),
                    organizationID: "kota-contoh", partnershipID: "contoh-mitra", actor: "a")
            }
            await #expect(throws: EvidenceError.documentNotFound("lain")) {
                try await store.code(
                    .init(documentID: "lain", quote: "bertemu", code: "C1", memo: ""),
                    organizationID: "kota-contoh", partnershipID: "contoh-mitra", actor: "a")
            }
            let remaining = try await store.excerpts(organizationIDs: ["kota-contoh"])
            #expect(remaining.isEmpty)
        }
    }

    @Test func aDocumentWithoutTextCannotBeCoded() async throws {
        try await DocumentStoreTests.withRecord { database in
            let id = try await DocumentStore(database: database).attach(
                DocumentStoreTests.upload(text: nil), organizationID: "kota-contoh", partnershipID: "contoh-mitra",
                actor: "a")
            await #expect(throws: EvidenceError.documentHasNoText(id)) {
                try await EvidenceStore(database: database).code(
                    .init(documentID: id, quote: "x", code: "C1", memo: ""), organizationID: "kota-contoh",
                    partnershipID: "contoh-mitra", actor: "a")
            }
        }
    }

    @Test func subCodesJoinTheCodeBookUnderTheirParent() async throws {
        try await TestDatabase.withMigrated { database in
            let store = EvidenceStore(database: database)
            let key = try await store.addSubCode(
                name: "Notulen JWG", description: "Bukti rapat kelompok kerja", parent: "C1", actor: "a")
            #expect(key == "C1/notulen-jwg")
            let nested = try await store.addSubCode(name: "Tahunan", description: "", parent: key, actor: "a")
            let book = CodeBook(subCodes: try await store.subCodes())
            #expect(book.code(nested)?.element == .commitment)
            #expect(book.path(to: nested).map(\.key) == ["commitment", "C1", key, nested])
            await #expect(throws: EvidenceError.codeExists("notulen jwg")) {
                try await store.addSubCode(name: "notulen jwg", description: "", parent: "C1", actor: "a")
            }
            await #expect(throws: EvidenceError.unknownCode("X1")) {
                try await store.addSubCode(name: "Lain", description: "", parent: "X1", actor: "a")
            }
            #expect(try await store.subCodes().count == 2)
        }
    }

    @Test func anAssessmentQuotesTheChosenExcerptsIntoTheRecord() async throws {
        try await Self.withDocument { database, document in
            let store = EvidenceStore(database: database)
            let excerpt = try await store.code(
                .init(documentID: document, quote: "bertemu setiap tahun", code: "C1", memo: ""),
                organizationID: "kota-contoh", partnershipID: "contoh-mitra", actor: "a")
            try await store.assess(
                .init(
                    element: .commitment, status: .partial, note: "Janji ada, pelaksanaan belum.",
                    evidence: [excerpt.id], by: "Rina", date: try PartialDate(parsing: "2026-11-29")),
                organizationID: "kota-contoh", partnershipID: "contoh-mitra", actor: "rina (researcher)")
            let record = try await RecordStore(database: database).exportRecord(organizationID: "kota-contoh")
            let assessment = try #require(record.partnerships[0].assessments.last)
            #expect(assessment.status == .partial && assessment.by == "Rina")
            #expect(assessment.evidence == [Evidence(document: document, quote: "bertemu setiap tahun")])
            await #expect(throws: EvidenceError.evidenceNotFound(999)) {
                try await store.assess(
                    .init(
                        element: .commitment, status: .met, note: "", evidence: [999], by: "Rina",
                        date: try PartialDate(parsing: "2026-11-29")),
                    organizationID: "kota-contoh", partnershipID: "contoh-mitra", actor: "a")
            }
            let again = try await RecordStore(database: database).exportRecord(organizationID: "kota-contoh")
            #expect(again.partnerships[0].assessments.count == record.partnerships[0].assessments.count)
        }
    }
}
