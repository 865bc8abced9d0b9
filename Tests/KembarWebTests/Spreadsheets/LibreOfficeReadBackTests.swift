import Foundation
import KembarCore
import KembarDocuments
import KembarTestSupport
import Testing

@testable import KembarWeb

/// The XLSX files Kembar writes, opened by LibreOffice (Debian's libreoffice-calc, headless) and
/// saved as CSV "as shown": every cell must show what Kembar wrote. Skipped where LibreOffice is
/// not installed, unless `KEMBAR_REQUIRE_LIBREOFFICE` is set (CI sets it, so that the check can
/// never silently vanish).
@Suite struct LibreOfficeReadBackTests {
    static let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static let required = ProcessInfo.processInfo.environment["KEMBAR_REQUIRE_LIBREOFFICE"] != nil

    /// Each sheet of `bytes` as LibreOffice shows it, by sheet name.
    static func shown(_ bytes: [UInt8], name: String) async throws -> [String: [[String]]] {
        let soffice = try #require(soffice, "LibreOffice (soffice) is installed")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kembar-lo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let input = directory.appendingPathComponent("\(name).xlsx")
        try Data(bytes).write(to: input)
        // Comma, double quote, UTF-8, from line 1; cells as shown; every sheet to a file of its own.
        let status = try await KembarProcess.runProgram(
            soffice,
            [
                "--headless", "-env:UserInstallation=file://\(directory.path)/profile", "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir",
                directory.appendingPathComponent("out").path, input.path,
            ])
        try #require(status == 0)
        var sheets: [String: [[String]]] = [:]
        let out = directory.appendingPathComponent("out")
        for file in try FileManager.default.contentsOfDirectory(atPath: out.path) where file.hasSuffix(".csv") {
            let sheet = String(file.dropFirst(name.count + 1).dropLast(4))
            let csv = try SpreadsheetFile.read(
                Array(try Data(contentsOf: out.appendingPathComponent(file))), fileName: file)
            sheets[sheet] = csv.sheets[0].rows.map { row in
                var cells = row.cells.map(\.text)
                while cells.last == "" { cells.removeLast() }
                return cells
            }
        }
        return sheets
    }

    /// What each sheet should show: its header, then every row as text (dates in ISO form at their precision).
    static func expected(_ workbook: WorkbookContent) -> [String: [[String]]] {
        var sheets: [String: [[String]]] = [:]
        for sheet in workbook.sheets {
            let header = sheet.columns.map { CellContent.text($0.header) }
            sheets[sheet.name] = ([header] + (sheet.example.map { [$0] } ?? []) + sheet.rows).map {
                var cells = $0.map(\.text)
                while cells.last == "" { cells.removeLast() }
                return cells
            }
        }
        return sheets
    }

    @Test(.enabled(if: soffice != nil || required, "LibreOffice is installed (CI installs libreoffice-calc)"))
    func theRecordAndTheTemplateShowInLibreOfficeAsKembarWroteThem() async throws {
        let words = Words(language: .indonesian, catalog: try Catalog.bundled())
        let demo = try Fixtures.demoRecord()
        for (name, content) in [
            ("record", RecordWorkbook(words: words).record(demo.partnerships)),
            ("template", RecordWorkbook(words: words).template()),
        ] {
            let shown = try await Self.shown(XLSXWriter.bytes(content), name: name)
            for (sheet, rows) in Self.expected(content) {
                #expect(shown[sheet] == rows, "\(name): \(sheet)")
            }
            #expect(shown["Daftar Pilihan"]?.first?.first == "Afganistan")
        }
    }

    @Test(.enabled(if: soffice != nil || required, "LibreOffice is installed (CI installs libreoffice-calc)"))
    func theYearlyReportShowsInLibreOfficeAsItsCSV() async throws {
        let demo = try Fixtures.demoRecord()
        let today = try #require(CalendarDay(iso: "2026-03-01"))
        let period = try #require(ReportPeriod(year: 2025, today: today))
        let report = AnnualReport(record: demo, period: period, policy: .standard)
        let words = Words(language: .indonesian, catalog: try Catalog.bundled())
        let content = WorkbookContent(sheets: [AnnualReportTable.sheet(report, words: words)])
        let shown = try await Self.shown(XLSXWriter.bytes(content), name: "report")
        #expect(shown == Self.expected(content))
        #expect(shown["Laporan tahunan"]?.dropFirst().first?.first == "2025")
    }
}
