import Foundation
import HTTPTypes
import KembarCore
import KembarDocuments
import KembarStore
import KembarTestSupport
import Testing

@testable import KembarWeb

/// The import pages as an officer uses them: upload, preview, choose columns, confirm.
@Suite struct ImportPageTests {
    static let list = """
        DAFTAR KERJA SAMA LUAR NEGERI;;;;;
        No;Nama Mitra;Negara;Jenis Kerja Sama;Tanggal Penandatanganan;Penanggung Jawab
        1;Liuzhou;Tiongkok;Kota Kembar;21 September 2006;Bagian Kerja Sama
        2;Hamamatsu;Jepang;Kota Kembar;April 2024;Bagian Ekonomi

        """

    static func upload(_ site: WebHarness, _ text: String, name: String = "daftar.csv") async throws -> String {
        let page = try await site.upload(
            "/import", [("organization", "bandung")], file: ("file", name, Array(text.utf8)))
        try #require(page.status == .seeOther, "\(page.text)")
        return try #require(page.headers[.location])
    }

    @Test func anOfficerPreviewsChoosesAColumnAndWritesTheList() async throws {
        try await WebHarness.with { site in
            let before = try await site.storedRecord()
            let preview = try await Self.upload(site, Self.list)
            #expect(preview.hasPrefix("/import/bandung/"))
            let page = try await site.get(preview)
            #expect(page.status == .ok)
            #expect(page.text.contains("1 kerja sama akan dibuat, 0 akan dilengkapi"))
            #expect(page.text.contains("Baru Hamamatsu (Jepang), kota kembar"))
            #expect(page.text.contains("Kolom F lembar “daftar”: “Penanggung Jawab”"))
            // Nothing is written by uploading or previewing.
            #expect(try await site.storedRecord() == before)

            let chosen = try await site.post(preview, [("step", "columns"), ("column-0-5", "notes")])
            #expect(chosen.status == .seeOther)
            let again = try await site.get(preview, language: "en")
            #expect(again.text.contains("1 partnership to create, 1 to fill in."))
            #expect(again.text.contains("notes: “Bagian Kerja Sama”"))
            let auditBefore = try await site.auditEntries().count

            let written = try await site.post(preview, [("step", "confirm")])
            #expect(written.status == .seeOther)
            let location = try #require(written.headers[.location])
            #expect(try await site.get(location).text.contains("Tersimpan: 1 kerja sama dibuat, 1 dilengkapi."))
            let record = try await site.storedRecord()
            #expect(record.partnerships.last?.partner.name == "Hamamatsu")
            #expect(
                record.partnerships.first { $0.id == "bandung-liuzhou" }?.documents.last?.text == "Bagian Kerja Sama")
            #expect(try await site.auditEntries().count == auditBefore + 1)
            // The upload is gone with its confirmation.
            #expect(try await site.get(preview).status == .notFound)
        }
    }

    @Test func aListWithAnErrorShowsItsCellAndOffersNoConfirmation() async throws {
        try await WebHarness.with { site in
            let before = try await site.storedRecord()
            let preview = try await Self.upload(
                site, "Nama Mitra,Negara,Jenis,Tanggal MoU\nHamamatsu,Jepang,Kota Kembar,30/02/2019\n")
            let page = try await site.get(preview, language: "en")
            #expect(page.text.contains("sheet “daftar”, row 2, column D"))
            #expect(page.text.contains("This day does not exist."))
            #expect(!page.html.contains("value=\"confirm\""))
            let forced = try await site.post(preview, [("step", "confirm")])
            #expect(forced.status == .conflict)
            #expect(try await site.storedRecord() == before)
        }
    }

    @Test(arguments: [
        ("laporan.pdf", Array("%PDF-1.4\n%%EOF\n".utf8), "Berkas ini adalah dokumen PDF, bukan lembar kerja."),
        (
            "lama.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512),
            "Ini berkas Excel lama (.xls)."
        ),
    ])
    func aFileThatIsNotASpreadsheetIsRefusedOnTheUploadPage(name: String, bytes: [UInt8], message: String) async throws
    {
        try await WebHarness.with { site in
            let page = try await site.upload("/import", [("organization", "bandung")], file: ("file", name, bytes))
            #expect(page.status == .unprocessableContent)
            #expect(page.text.contains(message))
        }
    }

    @Test func onlyTheUploaderSeesAnUploadAndOnlyEditorsImport() async throws {
        try await WebHarness.with { site in
            let preview = try await Self.upload(site, Self.list)
            let colleague = try await site.signedIn(.officer, organizationID: "bandung")
            #expect(try await colleague.get(preview).status == .notFound)
            let leader = try await site.signedIn(.viewer, organizationID: "bandung")
            #expect(try await leader.get("/import").status == .forbidden)
            #expect(try await leader.get(preview).status == .forbidden)
            #expect(try await site.anonymous.get("/import").status == .seeOther)
        }
    }

    @Test func theTemplateAndTheRecordAreDownloadedAsWorkbooks() async throws {
        try await WebHarness.with { site in
            let template = try await site.download("/import-template.xlsx")
            #expect(template.status == .ok)
            #expect(template.headers[.contentType] == SpreadsheetResponse.mediaType)
            #expect(try SpreadsheetFile.read(template.bytes, fileName: "t.xlsx").sheets.count == 3)
            let record = try await site.download("/export/bandung/kerja-sama.xlsx")
            #expect(record.status == .ok)
            let book = try SpreadsheetFile.read(record.bytes, fileName: "r.xlsx")
            #expect(book.sheets[0].rows.count == 1 + (try await site.storedRecord()).partnerships.count)
            let report = try await site.download("/reports/bandung/annual/2025.xlsx")
            #expect(report.status == .ok)
            #expect(
                try SpreadsheetFile.read(report.bytes, fileName: "l.xlsx").sheets.map(\.name) == ["Laporan tahunan"])
            let portfolio = try await site.get("/")
            #expect(portfolio.html.contains("href=\"/export/bandung/kerja-sama.xlsx\""))
            #expect(portfolio.html.contains("href=\"/import\""))
        }
    }
}
