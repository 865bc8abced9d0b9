import Foundation
import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

@testable import KembarDocuments

/// Coding passages, the matrix, assessments, the code book and the exports, through the pages.
@Suite struct EvidencePageTests {
    static let liuzhou = DocumentPageTests.liuzhou

    static func code(
        _ site: WebHarness, _ document: String, quote: String, code: String = "C1", memo: String = "", near: String = ""
    ) async throws -> WebHarness.Page {
        try await site.post(document + "/codings", [("quote", quote), ("near", near), ("code", code), ("memo", memo)])
    }

    static func excerpts(_ site: WebHarness) async throws -> [CodedExcerpt] {
        try await EvidenceStore(database: site.database).excerpts(organizationIDs: ["bandung"])
    }

    @Test func aResearcherCodesAPastedPassageAndSeesItMarked() async throws {
        try await WebHarness.with { site in
            let document = try await DocumentPageTests.uploadMinutes(site)
            let researcher = try await site.signedIn(.researcher, organizationID: "bandung")
            let form = try await researcher.get(document)
            #expect(form.html.contains("id=\"coding-form\""))
            #expect(form.html.contains("<script src=\"/static/select-quote.js\"></script>"))
            // Pasted across the line break, where the text has one too.
            let coded = try await Self.code(
                researcher, document, quote: "bertemu setiap tahun,   bergiliran", memo: "Janji JWG tahunan")
            #expect(coded.status == .seeOther)
            let excerpt = try #require(try await Self.excerpts(site).first)
            #expect(excerpt.quote == "bertemu setiap tahun, bergiliran" && excerpt.code == "C1")
            #expect(coded.headers[.location] == document + "?saved=coding#coding-\(excerpt.id)")
            let location = try #require(coded.headers[.location])
            let page = try await researcher.get(String(location.prefix { $0 != "#" }), language: "en")
            #expect(
                page.html.contains(
                    "<mark title=\"commitment › C1 obligation fulfilment\">bertemu setiap tahun, bergiliran</mark>"))
            #expect(page.text.contains("Janji JWG tahunan"))
            #expect(page.text.contains("Saved: the coding."))
        }
    }

    @Test func aSelectionsStartChoosesAmongRepeatedPassages() async throws {
        try await WebHarness.with { site in
            let document = try await DocumentPageTests.uploadMinutes(site)
            let starts = Self.scalarOffsets(of: "di", in: DocumentPageTests.minutes)
            #expect(starts.count >= 2)
            #expect(try await Self.code(site, document, quote: "di").status == .unprocessableContent)
            let chosen = try await Self.code(site, document, quote: "di", near: String(starts[1]))
            #expect(chosen.status == .seeOther)
            #expect(try await Self.excerpts(site).first?.start == starts[1])
        }
    }

    static func scalarOffsets(of needle: String, in text: String) -> [Int] {
        let scalars = Array(text.unicodeScalars)
        let pattern = Array(needle.unicodeScalars)
        return (0...(scalars.count - pattern.count)).filter { Array(scalars[$0..<($0 + pattern.count)]) == pattern }
    }

    @Test func aQuoteThatIsNotInTheDocumentSaysSoAndNothingIsCoded() async throws {
        try await WebHarness.with { site in
            let document = try await DocumentPageTests.uploadMinutes(site)
            let missing = try await Self.code(site, document, quote: "Kelompok Kerja tidak pernah bertemu")
            #expect(missing.status == .unprocessableContent)
            #expect(missing.text.contains("Kutipan ini tidak ada dalam dokumen"))
            #expect(missing.html.contains("Kelompok Kerja tidak pernah bertemu</textarea>"))
            let ambiguous = try await site.post(
                document + "/codings", [("quote", "di"), ("code", "C1")], language: "en")
            #expect(ambiguous.text.contains("occurs"))
            let noCode = try await site.post(
                document + "/codings", [("quote", "bertemu"), ("code", "")], language: "en")
            #expect(noCode.status == .unprocessableContent)
            let badCode = try await site.post(document + "/codings", [("quote", "bertemu"), ("code", "Z9")])
            #expect(badCode.status == .unprocessableContent)
            let empty = try await site.post(document + "/codings", [("quote", "   "), ("code", "C1")])
            #expect(empty.status == .unprocessableContent)
            #expect(try await Self.excerpts(site).isEmpty)
            let unknown = try await Self.code(site, Self.liuzhou + "/documents/no-such-document", quote: "x")
            #expect(unknown.status == .notFound)
        }
    }

    @Test func readersCannotCodeAndNothingIsWritten() async throws {
        try await WebHarness.with { site in
            let document = try await DocumentPageTests.uploadMinutes(site)
            let viewer = try await site.signedIn(.viewer, organizationID: "bandung")
            #expect(!(try await viewer.get(document).html.contains("id=\"coding-form\"")))
            #expect(try await Self.code(viewer, document, quote: "bertemu").status == .forbidden)
            let partner = try await site.signedIn(.partner, organizationID: "bandung", partnershipID: "bandung-liuzhou")
            #expect(try await Self.code(partner, document, quote: "bertemu").status == .forbidden)
            #expect(try await Self.excerpts(site).isEmpty)
        }
    }

    @Test func aCodingCanBeRemoved() async throws {
        try await WebHarness.with { site in
            let document = try await DocumentPageTests.uploadMinutes(site)
            _ = try await Self.code(site, document, quote: "Warga dan sekolah", code: "P2")
            let excerpt = try #require(try await Self.excerpts(site).first)
            let viewer = try await site.signedIn(.viewer, organizationID: "bandung")
            #expect(try await viewer.post(document + "/codings/\(excerpt.id)/remove", []).status == .forbidden)
            let removed = try await site.post(document + "/codings/\(excerpt.id)/remove", [])
            #expect(removed.status == .seeOther)
            #expect(try await Self.excerpts(site).isEmpty)
            let notice = try await site.get(try #require(removed.headers[.location]), language: "en")
            #expect(notice.text.contains("The coding was removed."))
            #expect(try await site.post(document + "/codings/\(excerpt.id)/remove", []).status == .notFound)
            let audit = try await site.auditEntries()
            #expect(audit.contains { $0.entity == "excerpt" && $0.action == "delete" })
        }
    }

    @Test func theMatrixShowsEachPartnershipsCodedPassagesUnderTheirElement() async throws {
        try await WebHarness.with { site in
            let document = try await DocumentPageTests.uploadMinutes(site)
            _ = try await Self.code(site, document, quote: "Warga dan sekolah diundang", code: "P2")
            let matrix = try await site.get("/evidence", language: "en")
            #expect(matrix.status == .ok)
            #expect(matrix.html.contains("<table class=\"evidence-matrix\">"))
            // Liuzhou's row: the community-participation cell (the second) holds the passage.
            let row = try #require(
                matrix.html.firstRange(of: "href=\"/evidence/bandung/bandung-liuzhou\"").map {
                    String(matrix.html[$0.lowerBound...].prefix { $0 != "\n" })
                })
            let cells = row.components(separatedBy: "<td data-label=")
            #expect(cells.count == 6)
            #expect(cells[2].contains("Warga dan sekolah diundang"))
            #expect(!cells[1].contains("Warga dan sekolah diundang"))
            // The computed verdict, from the record: the paper's finding for commitment.
            #expect(cells[1].contains("status-unmet"))
            #expect(matrix.text.contains("1 coded passage in all."))
        }
    }

    @Test func anAssessmentIsWrittenFromTheEvidenceAndShownBesideTheVerdict() async throws {
        try await WebHarness.with { site in
            let document = try await DocumentPageTests.uploadMinutes(site)
            _ = try await Self.code(site, document, quote: "bertemu setiap tahun", code: "C1")
            let excerpt = try #require(try await Self.excerpts(site).first)
            let researcher = try await site.signedIn(.researcher, organizationID: "bandung")
            let page = try await researcher.get("/evidence/bandung/bandung-liuzhou", language: "en")
            #expect(page.status == .ok)
            #expect(page.html.contains("value=\"\(excerpt.id)\""))
            let before = try await site.storedRecord(organizationID: "bandung")
            let saved = try await researcher.post(
                "/evidence/bandung/bandung-liuzhou/assessments",
                [
                    ("element", "commitment"), ("status", "partial"),
                    ("note", "Janji tahunan tertulis, pelaksanaan belum."),
                    ("evidence", String(excerpt.id)), ("by", "Rina"), ("date", "2026-11-29"),
                ])
            #expect(saved.status == .seeOther)
            let after = try await site.storedRecord(organizationID: "bandung")
            let liuzhou = try #require(after.partnerships.first { $0.id == "bandung-liuzhou" })
            let assessment = try #require(liuzhou.assessments.last)
            #expect(assessment.element == .commitment && assessment.status == .partial && assessment.by == "Rina")
            #expect(assessment.evidence == [Evidence(document: "notulen-jwg-2024", quote: "bertemu setiap tahun")])
            #expect(
                liuzhou.assessments.count
                    == (before.partnerships.first { $0.id == "bandung-liuzhou" }?.assessments.count ?? 0) + 1)
            let shown = try await researcher.get("/evidence/bandung/bandung-liuzhou", language: "en")
            #expect(shown.text.contains("Janji tahunan tertulis, pelaksanaan belum."))
            #expect(shown.text.contains("“bertemu setiap tahun” (Notulen JWG 2024)"))
        }
    }

    @Test func aBadAssessmentIsReturnedWithItsErrorsAndNothingWritten() async throws {
        try await WebHarness.with { site in
            let before = try await site.storedRecord(organizationID: "bandung")
            let page = try await site.post(
                "/evidence/bandung/bandung-liuzhou/assessments",
                [
                    ("element", "happiness"), ("status", ""), ("note", ""), ("evidence", "999"), ("by", "Rina"),
                    ("date", "2026-02-30"),
                ], language: "en")
            #expect(page.status == .unprocessableContent)
            #expect(page.html.contains("class=\"error-summary\""))
            #expect(page.html.contains("href=\"#field-element\"") && page.html.contains("href=\"#field-note\""))
            #expect(page.html.contains("href=\"#field-date\""))
            let unknownEvidence = try await site.post(
                "/evidence/bandung/bandung-liuzhou/assessments",
                [
                    ("element", "commitment"), ("status", "met"), ("note", "x"), ("evidence", "999"), ("by", "Rina"),
                    ("date", "2026-11-29"),
                ])
            #expect(unknownEvidence.status == .unprocessableContent)
            let viewer = try await site.signedIn(.viewer, organizationID: "bandung")
            let refused = try await viewer.post(
                "/evidence/bandung/bandung-liuzhou/assessments",
                [("element", "commitment"), ("status", "met"), ("note", "x"), ("by", "V"), ("date", "2026-11-29")])
            #expect(refused.status == .forbidden)
            #expect(try await site.storedRecord(organizationID: "bandung") == before)
        }
    }

    @Test func theCodeBookTakesSubCodesAndExportsForOtherTools() async throws {
        try await WebHarness.with { site in
            let book = try await site.get("/codebook", language: "en")
            #expect(book.status == .ok)
            #expect(book.text.contains("C1 obligation fulfilment"))
            let added = try await site.post(
                "/codebook", [("parent", "C1"), ("name", "JWG minutes"), ("description", "Minutes of the group")])
            #expect(added.status == .seeOther)
            let again = try await site.post("/codebook", [("parent", "C1"), ("name", "jwg minutes")], language: "en")
            #expect(again.status == .unprocessableContent)
            #expect(again.text.contains("already under the chosen code"))
            let noParent = try await site.post("/codebook", [("parent", "X9"), ("name", "Other")])
            #expect(noParent.status == .unprocessableContent)
            let viewer = try await site.signedIn(.viewer, organizationID: "bandung")
            #expect(try await viewer.post("/codebook", [("parent", "C1"), ("name", "Viewer's")]).status == .forbidden)
            #expect(try await EvidenceStore(database: site.database).subCodes().map(\.name) == ["JWG minutes"])

            let csv = try await site.download("/codebook.csv?lang=en")
            let text = String(decoding: csv.bytes, as: UTF8.self)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(text.hasPrefix("tag,description\r\n"))
            #expect(text.contains("\r\ncommitment / C1 obligation fulfilment / JWG minutes,Minutes of the group\r\n"))
            let qdc = try await site.download("/codebook.qdc")
            let xml = String(decoding: qdc.bytes, as: UTF8.self)
            #expect(xml.contains("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\""))
            #expect(xml.contains("name=\"JWG minutes\""))
        }
    }

    @Test func theProjectExportHoldsCasesSourcesSelectionsAndNotes() async throws {
        try await WebHarness.with { site in
            let document = try await DocumentPageTests.uploadMinutes(site)
            _ = try await Self.code(site, document, quote: "bertemu setiap tahun", code: "C1", memo: "janji")
            let excerpt = try #require(try await Self.excerpts(site).first)
            let download = try await site.download("/evidence/project.qdpx")
            #expect(download.status == .ok)
            #expect(download.headers[.contentType] == "application/zip")
            let archive = try ZipArchive(download.bytes)
            let project = String(
                decoding: try archive.contents(
                    of: try #require(archive.entry(named: "project.qde")), limit: 10_000_000),
                as: UTF8.self)
            #expect(project.contains("<Case "))
            #expect(project.contains("startPosition=\"\(excerpt.start)\" endPosition=\"\(excerpt.end)\""))
            // The demonstration's five assessments of Liuzhou, as notes linked to its case.
            #expect(project.components(separatedBy: "<Note ").count - 1 == 5)
            let sources = archive.entries.filter { $0.name.hasPrefix("sources/") }
            #expect(sources.count == 1)
            let source = String(decoding: try archive.contents(of: sources[0], limit: 1_000_000), as: UTF8.self)
            #expect(source == DocumentPageTests.minutes)
            try await REFIQDASchema.validate(project)

            let partner = try await site.signedIn(.partner, organizationID: "bandung", partnershipID: "bandung-liuzhou")
            #expect(try await partner.download("/evidence/project.qdpx").status == .forbidden)
        }
    }
}
