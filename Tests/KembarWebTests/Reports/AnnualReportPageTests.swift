import Foundation
import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// The yearly KSDPL/KSDLL report on the site: the reports page, the printable document, the CSV.
@Suite struct AnnualReportPageTests {
    @Test func theReportsPageOffersEveryYearOfTheRecordInBothFormats() async throws {
        try await WebHarness.with { site in
            let page = try await site.get("/reports")
            #expect(page.status == .ok)
            #expect(page.html.contains("href=\"/reports/bandung/annual/2022.html\""))
            #expect(page.html.contains("href=\"/reports/bandung/annual/2022.csv\""))
            // The last ten years are links; the form offers every year from the first dated record
            // (Braunschweig, 1960) to this one, none from the future.
            #expect(page.html.contains("/reports/bandung/annual/2017.html"))
            #expect(!page.html.contains("/reports/bandung/annual/2016.html"))
            #expect(page.html.contains("<option value=\"1960\">1960</option>"))
            #expect(!page.html.contains("<option value=\"1959\">"))
            #expect(!page.html.contains("/reports/bandung/annual/2027.html"))
            #expect(!page.html.contains("<option value=\"2027\">"))
            // One government: its choice is not asked.
            #expect(page.html.contains("<input type=\"hidden\" name=\"organization\" value=\"bandung\">"))
        }
    }

    @Test func theFormLeadsToTheChosenReport() async throws {
        try await WebHarness.with { site in
            let chosen = try await site.get("/reports/annual?organization=bandung&year=2022&format=csv")
            #expect(chosen.status == .seeOther)
            #expect(chosen.headers[.location] == "/reports/bandung/annual/2022.csv")
            for query in [
                "organization=bandung&year=2031&format=html", "organization=bandung&year=abc&format=html",
                "organization=elsewhere&year=2022&format=html", "organization=bandung&year=2022&format=pdf",
            ] {
                let refused = try await site.get("/reports/annual?" + query)
                #expect(refused.status == .badRequest, "\(query)")
                #expect(refused.html.contains("class=\"error-summary\""), "\(query)")
            }
            #expect(try await site.get("/reports/annual?organization=bandung&year=2031").text.contains("2026"))
        }
    }

    @Test func theDocumentReportsTheYearInIndonesianWhateverTheInterfaceLanguage() async throws {
        try await WebHarness.with { site in
            let page = try await site.get("/reports/bandung/annual/2022.html", language: "en")
            #expect(page.status == .ok)
            #expect(page.html.hasPrefix("<!DOCTYPE html>\n<html lang=\"id\">"))
            #expect(page.html.contains("<link rel=\"stylesheet\" href=\"/static/report.css\">"))
            let text = page.text
            #expect(text.contains("Laporan Kerja Sama Daerah dengan Pihak Luar Negeri Tahun 2022"))
            #expect(text.contains("Keadaan per 31 Desember 2022"))
            #expect(text.contains("I. Kerja Sama Daerah dengan Pemerintah Daerah di Luar Negeri (KSDPL)"))
            #expect(text.contains("II. Kerja Sama Daerah dengan Lembaga di Luar Negeri (KSDLL)"))
            // Liuzhou's 2022: the song contest, the MoU of 2006 in force, the missed meetings.
            #expect(text.contains("Liuzhou (柳州市)"))
            #expect(text.contains("Lomba menyanyi lagu tradisional daring"))
            #expect(text.contains("21 September 2006"))
            #expect(text.contains("Kelompok Kerja Bersama bertemu setiap tahun"))
            #expect(text.contains("terlewat"))
            // Every cooperation has its own sections; each of the demonstration's partnerships is
            // reported, those without any date among them.
            let cooperations = try Fixtures.demoRecord().partnerships.count
            for heading in ["Dasar hukum", "Bidang kerja sama", "Kegiatan tahun ini", "Kendala", "Tindak lanjut"] {
                #expect(
                    page.html.components(separatedBy: "<h4>\(heading)</h4>").count - 1 == cooperations, "\(heading)")
            }
            // The office's overload is said once, in the summary.
            #expect(page.html.components(separatedBy: "per pegawai").count == 2)
            // Its tools lead back and to the CSV; print hides them.
            #expect(page.html.contains("href=\"/reports/bandung/annual/2022.csv\" download"))
        }
    }

    @Test func theRunningYearIsReportedAsOfToday() async throws {
        try await WebHarness.with { site in
            let page = try await site.get("/reports/bandung/annual/2026.html")
            #expect(page.status == .ok)
            #expect(page.text.contains("Keadaan per 29 November 2026 (tahun berjalan)"))
            #expect(try await site.get("/reports/bandung/annual/2027.html").status == .notFound)
            #expect(try await site.get("/reports/bandung/annual/twenty.html").status == .notFound)
            #expect(try await site.get("/reports/elsewhere/annual/2022.html").status == .notFound)
        }
    }

    @Test func theCSVHasARowPerActivityAndOneForEachSilentCooperation() async throws {
        try await WebHarness.with { site in
            let (status, headers, bytes) = try await site.download("/reports/bandung/annual/2022.csv")
            #expect(status == .ok)
            #expect(headers[.contentType] == "text/csv; charset=utf-8; header=present")
            #expect(headers[.contentDisposition]?.contains("laporan-ksdpl-ksdll-bandung-2022.csv") == true)
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let rows = try Self.parseCSV(String(decoding: bytes.dropFirst(3), as: UTF8.self))
            #expect(rows[0].first == "Tahun")
            #expect(rows[0].count == 20)
            #expect(rows.dropFirst().allSatisfy { $0.count == 20 })
            let record = try Fixtures.demoRecord()
            let report = AnnualReport(
                record: record, period: ReportPeriod(year: 2022, today: CalendarDay(year: 2026, month: 11, day: 29)!)!)
            let expected = report.cooperations.reduce(0) { $0 + max(1, $1.activities.count) }
            #expect(rows.count - 1 == expected)
            let liuzhou = rows.filter { $0[2] == "Liuzhou" }
            #expect(liuzhou.count == 1)
            #expect(liuzhou[0][1] == "KSDPL")
            #expect(liuzhou[0][3] == "柳州市")
            #expect(liuzhou[0][10] == "2022-04")
            #expect(liuzhou[0][18].contains("\n"))
        }
    }

    @Test func onlyTheGovernmentsOwnAccountsReadItsReports() async throws {
        try await WebHarness.with(signedIn: false) { site in
            try await RecordStore(database: site.database).importRecord(
                Fixtures.minimalRecord(), actor: "test", source: "fixture")
            let anonymous = try await site.get("/reports/bandung/annual/2022.html")
            #expect(anonymous.status == .seeOther)
            let partner = try await site.signedIn(.partner, organizationID: "bandung", partnershipID: "bandung-liuzhou")
            #expect(try await partner.get("/reports").status == .forbidden)
            #expect(try await partner.get("/reports/bandung/annual/2022.csv").status == .forbidden)
            let foreign = try await site.signedIn(.officer, organizationID: "kota-contoh")
            #expect(try await foreign.get("/reports/bandung/annual/2022.html").status == .notFound)
            #expect(try await foreign.download("/reports/bandung/annual/2022.csv").status == .notFound)
            let viewer = try await site.signedIn(.viewer, organizationID: "bandung")
            #expect(try await viewer.get("/reports/bandung/annual/2022.html").status == .ok)
        }
    }

    /// RFC 4180, as a spreadsheet reads it.
    static func parseCSV(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\r\n" || character == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
        }
        return rows
    }
}
