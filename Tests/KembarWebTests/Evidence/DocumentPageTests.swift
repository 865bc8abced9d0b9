import Foundation
import HTTPTypes
import HummingbirdTesting
import KembarCore
import KembarDocuments
import KembarStore
import KembarTestSupport
import NIOCore
import SQLKit
import Testing

/// Uploading documents through the page: what is taken becomes part of the record with its file,
/// and what is refused is said beside the file field with nothing stored.
@Suite struct DocumentPageTests {
    static let liuzhou = "/partnerships/bandung/bandung-liuzhou"
    static let minutes = """
        Notulen rapat Kelompok Kerja Bersama, 5 Maret 2024.
        Kedua pihak sepakat bertemu setiap tahun, bergiliran di Bandung dan Liuzhou.
        Warga dan sekolah diundang ikut merencanakan kegiatan berikutnya.
        """

    static func aboutFields(title: String = "Notulen JWG 2024", activity: String = "") -> [(String, String)] {
        [
            ("title", title), ("kind", "minutes"), ("date", "2024-03-05"), ("language", "id"), ("source", ""),
            ("activity", activity),
        ]
    }

    /// Uploads `minutes` as a text file and returns the new document's page address.
    static func uploadMinutes(_ site: WebHarness, activity: String = "") async throws -> String {
        let page = try await site.upload(
            liuzhou + "/documents/new", aboutFields(activity: activity),
            file: ("file", "notulen-jwg.txt", Array(minutes.utf8)))
        try #require(page.status == .seeOther, "\(page.text)")
        let location = try #require(page.headers[.location])
        return String(location.prefix { $0 != "?" })
    }

    /// A Word document as Word writes it, minus what Kembar does not read.
    static func docx(paragraphs: [String]) -> [UInt8] {
        var zip = ZipWriter()
        zip.add(
            "[Content_Types].xml",
            Array("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8))
        let body = paragraphs.map { "<w:p><w:r><w:t>\($0)</w:t></w:r></w:p>" }.joined()
        zip.add(
            "word/document.xml",
            Array(
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\(body)</w:body></w:document>"
                    .utf8))
        return zip.bytes()
    }

    static func documentCount(_ site: WebHarness) async throws -> (documents: Int, files: Int) {
        let record = try await site.storedRecord(organizationID: "bandung")
        let files = try await site.database.read { sql in
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("document_files")
                .first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return (record.partnerships.map(\.documents.count).reduce(0, +), files)
    }

    @Test func anOfficerUploadsAFileThatBecomesADocumentOfTheRecord() async throws {
        try await WebHarness.with { site in
            let form = try await site.get(Self.liuzhou + "/documents/new")
            #expect(form.status == .ok)
            #expect(form.html.contains("enctype=\"multipart/form-data\""))
            #expect(form.html.contains("type=\"file\""))
            let address = try await Self.uploadMinutes(site, activity: "lomba-lagu-2022")
            #expect(address == Self.liuzhou + "/documents/notulen-jwg-2024")

            let page = try await site.get(address + "?saved=document", language: "en")
            #expect(page.status == .ok)
            #expect(page.text.contains("Saved: the document."))
            #expect(page.text.contains("Language Indonesian"))
            #expect(page.text.contains("bergiliran di Bandung dan Liuzhou"))
            #expect(page.text.contains("notulen-jwg.txt"))
            let record = try await site.storedRecord(organizationID: "bandung")
            let liuzhou = try #require(record.partnerships.first { $0.id == "bandung-liuzhou" })
            let document = try #require(liuzhou.documents.first { $0.id == "notulen-jwg-2024" })
            #expect(
                document.kind == .minutes && document.language == "id" && document.text?.hasPrefix("Notulen") == true)
            #expect(liuzhou.activities.first { $0.id == "lomba-lagu-2022" }?.documents.contains(document.id) == true)

            // The partnership page lists it with a link; the search finds its words.
            let partnership = try await site.get(Self.liuzhou)
            #expect(partnership.html.contains("href=\"\(address)\""))
            #expect(partnership.html.contains("href=\"\(Self.liuzhou)/documents/new\""))
            let found = try await site.get("/search?q=bergiliran")
            #expect(found.html.contains("href=\"\(address)\""))
            #expect(found.html.contains("<mark>bergiliran</mark>"))

            // The original comes back byte for byte, always as a download.
            let file = try await site.download(address + "/file")
            #expect(file.status == .ok)
            #expect(file.bytes == Array(Self.minutes.utf8))
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"notulen-jwg.txt\"") == true)
            #expect(file.headers[.contentType] == "text/plain; charset=utf-8")
            let audit = try await site.auditEntries()
            #expect(audit.contains { $0.entity == "document" && $0.entityID == document.id && $0.action == "create" })
        }
    }

    @Test func aWordDocumentsTextIsExtractedAndATitleComesFromTheFileName() async throws {
        try await WebHarness.with { site in
            let page = try await site.upload(
                Self.liuzhou + "/documents/new", Self.aboutFields(title: ""),
                file: (
                    "file", "Laporan_Kunjungan_2019.docx",
                    Self.docx(paragraphs: ["Laporan kunjungan", "Pameran lukisan"])
                ))
            #expect(page.status == .seeOther)
            let record = try await site.storedRecord(organizationID: "bandung")
            let document = try #require(
                record.partnerships.first { $0.id == "bandung-liuzhou" }?.documents.first {
                    $0.title == "Laporan Kunjungan 2019"
                })
            #expect(document.text == "Laporan kunjungan\nPameran lukisan")
            let shown = try await site.get(Self.liuzhou + "/documents/\(document.id)", language: "en")
            #expect(shown.text.contains("Word (DOCX)"))
        }
    }

    @Test func aPDFWithoutATextLayerIsKeptAndMarkedAsHavingNoText() async throws {
        try await WebHarness.with { site in
            let pdf = Array("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)
            let page = try await site.upload(
                Self.liuzhou + "/documents/new", Self.aboutFields(title: "Pindaian surat"),
                file: ("file", "surat.pdf", pdf))
            #expect(page.status == .seeOther)
            let shown = try await site.get(Self.liuzhou + "/documents/pindaian-surat", language: "en")
            #expect(shown.text.contains("No text could be read from this file"))
            #expect(!shown.html.contains("id=\"coding-form\""))
            #expect(try await site.download(Self.liuzhou + "/documents/pindaian-surat/file").bytes == pdf)
        }
    }

    @Test func badFilesAreRefusedBesideTheFieldWithNothingStored() async throws {
        let intake = DocumentIntake(
            limits: IntakeLimits(maximumBytes: 4096, maximumExpandedBytes: 2048), pdf: PDFText(program: nil))
        try await WebHarness.with(intake: intake) { site in
            let before = try await Self.documentCount(site)
            let cases: [(name: String, bytes: [UInt8]?, message: String)] = [
                ("kosong.txt", [], "The file is empty."),
                ("", nil, "Choose a file to upload."),
                (
                    "foto.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0],
                    "says a PDF, but the file holds an image"
                ),
                ("notulen.docx", Array("hanya teks".utf8), "says a Word document (DOCX), but the file holds text"),
                (
                    "lama.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
                    "does not take an old Microsoft Office file"
                ),
                ("rusak.docx", [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 7, count: 60), "damaged or cut short"),
                ("panjang.txt", [UInt8](repeating: 0x61, count: 5000), "larger than"),
                ("bom.docx", Self.docx(paragraphs: [String(repeating: "a", count: 3000)]), "expands to more than"),
            ]
            for item in cases {
                let page = try await site.upload(
                    Self.liuzhou + "/documents/new", Self.aboutFields(),
                    file: item.bytes.map { ("file", item.name, $0) }, language: "en")
                #expect(page.status == .unprocessableContent, "\(item.name)")
                #expect(page.text.contains(item.message), "\(item.name): \(page.text)")
                #expect(page.html.contains("aria-invalid=\"true\""), "\(item.name)")
                // What was typed about the document comes back.
                #expect(page.html.contains("value=\"Notulen JWG 2024\""), "\(item.name)")
            }
            let page = try await site.upload(
                Self.liuzhou + "/documents/new", Self.aboutFields(activity: "no-such-activity"),
                file: ("file", "notulen.txt", Array("teks".utf8)), language: "en")
            #expect(page.status == .unprocessableContent)
            let after = try await Self.documentCount(site)
            #expect(after == before)
        }
    }

    @Test func aBodyBeyondTheLimitIsRefusedBeforeItIsRead() async throws {
        let intake = DocumentIntake(limits: IntakeLimits(maximumBytes: 1024), pdf: PDFText(program: nil))
        try await WebHarness.with(intake: intake) { site in
            let before = try await Self.documentCount(site)
            let page = try await site.upload(
                Self.liuzhou + "/documents/new", Self.aboutFields(),
                file: ("file", "besar.txt", [UInt8](repeating: 0x61, count: 200 * 1024)), language: "en")
            #expect(page.status == .contentTooLarge, "\(page.html)")
            #expect(page.text.contains("Files of up to 1 KB are taken"))
            #expect(try await Self.documentCount(site) == before)
        }
    }

    @Test func aBrokenMultipartBodyIsRefused() async throws {
        try await WebHarness.with { site in
            let before = try await Self.documentCount(site)
            let page = try await site.client.execute(
                uri: Self.liuzhou + "/documents/new", method: .post,
                headers: [
                    .contentType: "multipart/form-data; boundary=xyz", .cookie: site.session!.cookie,
                ],
                body: .init(string: "--xyz\r\nno headers end here")
            ) { response in response.status }
            #expect(page == .badRequest)
            #expect(try await Self.documentCount(site) == before)
        }
    }

    @Test func onlyTheHomeOfficeUploadsAndTheFormTokenIsChecked() async throws {
        try await WebHarness.with { site in
            let before = try await Self.documentCount(site)
            let file = ("file", "notulen.txt", Array("teks".utf8))
            for role in [Role.viewer, .researcher] {
                let reader = try await site.signedIn(role, organizationID: "bandung")
                #expect(try await reader.get(Self.liuzhou + "/documents/new").status == .forbidden)
                #expect(
                    try await reader.upload(Self.liuzhou + "/documents/new", Self.aboutFields(), file: file).status
                        == .forbidden)
            }
            let partner = try await site.signedIn(.partner, organizationID: "bandung", partnershipID: "bandung-liuzhou")
            #expect(
                try await partner.upload(Self.liuzhou + "/documents/new", Self.aboutFields(), file: file).status
                    == .forbidden)
            try await RecordStore(database: site.database).importRecord(
                Fixtures.minimalRecord(), actor: "test", source: "fixture")
            let foreign = try await site.signedIn(.officer, organizationID: "kota-contoh")
            #expect(
                try await foreign.upload(Self.liuzhou + "/documents/new", Self.aboutFields(), file: file).status
                    == .notFound)
            let forged = try await site.upload(
                Self.liuzhou + "/documents/new", [("_csrf", "forged")] + Self.aboutFields(), file: file)
            #expect(forged.status == .forbidden)
            #expect(try await Self.documentCount(site) == before)
        }
    }

    @Test func thePartnerCityReadsTheDocumentButNotTheCodings() async throws {
        try await WebHarness.with { site in
            let address = try await Self.uploadMinutes(site)
            let coded = try await site.post(
                address + "/codings",
                [("quote", "bertemu setiap tahun"), ("code", "C1"), ("memo", "janji"), ("near", "")])
            #expect(coded.status == .seeOther)
            let partner = try await site.signedIn(.partner, organizationID: "bandung", partnershipID: "bandung-liuzhou")
            let page = try await partner.get(address)
            #expect(page.status == .ok)
            #expect(page.text.contains("bergiliran"))
            #expect(!page.html.contains("<mark"))
            #expect(!page.html.contains("id=\"codings\""))
            #expect(try await partner.download(address + "/file").status == .ok)
            let other = try await site.signedIn(.partner, organizationID: "bandung", partnershipID: "bandung-seoul")
            #expect(try await other.get(address).status == .notFound)
            #expect(try await other.download(address + "/file").status == .notFound)
        }
    }

    @Test func anOfficerRemovesADocumentWithItsFileAndCodings() async throws {
        try await WebHarness.with { site in
            let address = try await Self.uploadMinutes(site)
            _ = try await site.post(address + "/codings", [("quote", "bertemu setiap tahun"), ("code", "C1")])
            let page = try await site.get(address, language: "en")
            #expect(page.html.contains("href=\"\(address)/remove\""))
            let confirm = try await site.get(address + "/remove", language: "en")
            #expect(confirm.status == .ok)
            #expect(confirm.text.contains("Remove “Notulen JWG 2024” from the partnership's record?"))
            #expect(confirm.text.contains("Its 1 coded passage goes with it."))
            let viewer = try await site.signedIn(.viewer, organizationID: "bandung")
            #expect(!(try await viewer.get(address).html.contains("/remove\"")))
            #expect(try await viewer.post(address + "/remove", []).status == .forbidden)

            let removed = try await site.post(address + "/remove", [])
            #expect(removed.status == .seeOther)
            let location = try #require(removed.headers[.location])
            let partnership = try await site.get(String(location.prefix { $0 != "#" }), language: "en")
            #expect(partnership.text.contains("The document was removed."))
            #expect(!partnership.html.contains(address))
            #expect(try await site.get(address).status == .notFound)
            #expect(try await site.download(address + "/file").status == .notFound)
            #expect(try await Self.documentCount(site).files == 0)
            #expect(try await EvidenceStore(database: site.database).excerpts(organizationIDs: ["bandung"]).isEmpty)
            #expect(!(try await site.get("/search?q=bergiliran").html.contains("notulen-jwg-2024")))
            let audit = try await site.auditEntries()
            #expect(
                audit.contains { $0.entity == "document" && $0.action == "delete" && $0.entityID == "notulen-jwg-2024" }
            )
        }
    }

    @Test func aDocumentThatIsEvidenceIsKeptAndThePageSaysWhatCitesIt() async throws {
        try await WebHarness.with { site in
            // The demonstration's assessments quote the paper.
            let address = Self.liuzhou + "/documents/saraswati-2022"
            let before = try await site.storedRecord(organizationID: "bandung")
            let page = try await site.get(address + "/remove", language: "en")
            #expect(page.text.contains("cannot be removed while it is evidence of"))
            #expect(page.text.contains("an assessment of commitment"))
            let refused = try await site.post(address + "/remove", [])
            #expect(refused.status == .unprocessableContent)
            #expect(try await site.storedRecord(organizationID: "bandung") == before)
        }
    }

    @Test func anOfficerChangesADocumentsDescriptionAndItsActivities() async throws {
        try await WebHarness.with { site in
            let address = try await Self.uploadMinutes(site, activity: "lomba-lagu-2022")
            let form = try await site.get(address + "/edit", language: "en")
            #expect(form.status == .ok)
            #expect(form.html.contains("value=\"Notulen JWG 2024\""))
            #expect(form.html.contains("value=\"lomba-lagu-2022\" checked"))
            let saved = try await site.post(
                address + "/edit",
                [
                    ("title", "Notulen Kelompok Kerja 2024"), ("kind", "report"), ("date", "2024-03"),
                    ("language", "en"),
                    ("source", "Arsip Bagian Kerja Sama"), ("activity", "belief-2018"),
                    ("activity", "pameran-lukisan-2019"),
                ])
            #expect(saved.status == .seeOther)
            let record = try await site.storedRecord(organizationID: "bandung")
            let liuzhou = try #require(record.partnerships.first { $0.id == "bandung-liuzhou" })
            let document = try #require(liuzhou.documents.first { $0.id == "notulen-jwg-2024" })
            #expect(document.title == "Notulen Kelompok Kerja 2024" && document.kind == .report)
            #expect(document.date?.description == "2024-03" && document.language == "en")
            #expect(document.text == Self.minutes)
            let listing = liuzhou.activities.filter { $0.documents.contains(document.id) }.map(\.id).sorted()
            #expect(listing == ["belief-2018", "pameran-lukisan-2019"])
            #expect(try await site.download(address + "/file").bytes == Array(Self.minutes.utf8))
            let audit = try await site.auditEntries()
            #expect(audit.contains { $0.entity == "document" && $0.action == "update" && $0.before != nil })
        }
    }

    @Test func aBadDescriptionIsReturnedWithItsErrorsAndNothingChanges() async throws {
        try await WebHarness.with { site in
            let address = try await Self.uploadMinutes(site)
            let before = try await site.storedRecord(organizationID: "bandung")
            let page = try await site.post(
                address + "/edit",
                [
                    ("title", ""), ("kind", "poem"), ("date", "2024-13"), ("language", "English!"),
                    ("activity", "no-such-activity"),
                ], language: "en")
            #expect(page.status == .unprocessableContent)
            for field in ["title", "kind", "date", "language", "activity"] {
                #expect(page.html.contains("href=\"#field-\(field)\""), "\(field)")
            }
            let viewer = try await site.signedIn(.viewer, organizationID: "bandung")
            #expect(try await viewer.get(address + "/edit").status == .forbidden)
            #expect(
                try await viewer.post(address + "/edit", [("title", "x"), ("kind", "report")]).status == .forbidden)
            #expect(try await site.get(Self.liuzhou + "/documents/nothing/edit").status == .notFound)
            #expect(try await site.storedRecord(organizationID: "bandung") == before)
        }
    }
}
