import Foundation
import KembarCore
import Testing

@testable import KembarDocuments

/// Reading spreadsheets that other programs wrote (see Fixtures/spreadsheets/make-fixtures.sh).
@Suite struct SpreadsheetReadingTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        try DocumentIntakeTests.fixture("spreadsheets/\(name)")
    }

    static func cells(_ sheet: Sheet, row: Int) -> [String] {
        sheet.rows.first { $0.number == row }?.cells.map(\.text) ?? []
    }

    @Test(arguments: ["daftar-openpyxl.xlsx", "daftar-libreoffice.xlsx"])
    func anXLSXGivesItsVisibleSheetsWithTypedCells(name: String) throws {
        let book = try SpreadsheetFile.read(try Self.fixture(name), fileName: name)
        #expect(book.sheets.map(\.name) == ["Kerja Sama"])
        let sheet = book.sheets[0]
        #expect(sheet.rows.first?.number == 1)
        #expect(sheet.rows.first?[0] == .text("DAFTAR KERJA SAMA LUAR NEGERI PEMERINTAH KOTA BANDUNG"))
        // Row 3 and row 8 are empty and left out; the others keep the numbers the program shows.
        #expect(!sheet.rows.contains { $0.number == 3 || $0.number == 8 })
        let liuzhou = try #require(sheet.rows.first { $0.number == 5 })
        #expect(liuzhou[4] == .date(try #require(DatePoint(year: 2006, month: 9, day: 21))))
        #expect(liuzhou[6] == .text("Ekonomi; Pendidikan; Lingkungan Hidup"))
        #expect(Self.cells(sheet, row: 10)[4] == "2005")
        #expect(Self.cells(sheet, row: 9)[6] == "Pendidikan\nLingkungan Hidup")
    }

    @Test func aFormulaGivesTheValueItsProgramComputed() throws {
        let book = try SpreadsheetFile.read(try Self.fixture("daftar-libreoffice.xlsx"), fileName: "daftar.xlsx")
        let yingkou = try #require(book.sheets[0].rows.first { $0.number == 13 })
        #expect(yingkou[4] == .date(try #require(DatePoint(year: 2010, month: 5, day: 17))))
        #expect(yingkou[5] == .date(try #require(DatePoint(year: 2020, month: 5, day: 16))))
    }

    @Test func aWindows1252CSVWithSemicolonsIsReadWithItsAccentsAndQuotes() throws {
        let book = try SpreadsheetFile.read(try Self.fixture("daftar-cp1252.csv"), fileName: "/tmp/daftar-cp1252.csv")
        #expect(book.sheets.map(\.name) == ["daftar-cp1252"])
        let rows = book.sheets[0].rows
        #expect(rows.map(\.number) == [1, 2, 3, 4])
        #expect(
            rows[2].cells.map(\.text) == [
                "1", "Liège", "Belgia", "Kota Kembar", "12/03/2012", "Kebudayaan; Pendidikan",
                "Nilai hibah 1,5 miliar; \"Maison de la Culture\"",
            ])
    }

    @Test func csvInUTF8WithAByteOrderMarkAndCommasIsRead() throws {
        let text = "\u{FEFF}Nama Mitra,Negara\r\n\"Cuenca, Azuay\",Ekuador\r\n\"Baris\nkedua\",ID\n"
        let sheet = try SpreadsheetFile.read(Array(text.utf8), fileName: "x.csv").sheets[0]
        #expect(
            sheet.rows.map { $0.cells.map(\.text) } == [
                ["Nama Mitra", "Negara"], ["Cuenca, Azuay", "Ekuador"], ["Baris\nkedua", "ID"],
            ])
        #expect(sheet.rows.map(\.number) == [1, 2, 3])
    }

    @Test func aPasswordProtectedWorkbookIsRefusedAsEncrypted() throws {
        #expect(throws: SpreadsheetError.encrypted) {
            try SpreadsheetFile.read(try Self.fixture("daftar-encrypted.xlsx"), fileName: "daftar.xlsx")
        }
    }

    @Test func aZipBombIsStoppedAtTheExpansionLimit() throws {
        let limit = SpreadsheetLimits.standard.maximumExpandedBytes
        #expect(throws: SpreadsheetError.expandsTooFar(limit: limit)) {
            try SpreadsheetFile.read(try Self.fixture("bomb.xlsx"), fileName: "bomb.xlsx")
        }
    }

    @Test func filesThatAreNotSpreadsheetsAreRefusedByWhatTheyAre() throws {
        #expect(throws: SpreadsheetError.notASpreadsheet(what: .pdf)) {
            try SpreadsheetFile.read(try DocumentIntakeTests.fixture("visit-report.pdf"), fileName: "daftar.xlsx")
        }
        #expect(throws: SpreadsheetError.notASpreadsheet(what: .word)) {
            try SpreadsheetFile.read(try DocumentIntakeTests.fixture("minutes.docx"), fileName: "daftar.xlsx")
        }
        #expect(throws: SpreadsheetError.notASpreadsheet(what: .opendocument)) {
            try SpreadsheetFile.read(try DocumentIntakeTests.fixture("letter.odt"), fileName: "daftar.csv")
        }
        #expect(throws: SpreadsheetError.legacyExcel) {
            try SpreadsheetFile.read(
                [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 600), fileName: "lama.xls"
            )
        }
        #expect(throws: SpreadsheetError.formatMismatch(expected: .csv, found: .xlsx)) {
            try SpreadsheetFile.read(try Self.fixture("daftar-openpyxl.xlsx"), fileName: "daftar.csv", expecting: .csv)
        }
        #expect(throws: SpreadsheetError.corrupt) {
            try SpreadsheetFile.read(
                Array(try Self.fixture("daftar-openpyxl.xlsx").prefix(3000)), fileName: "daftar.xlsx")
        }
    }

    @Test func rowsPastTheLimitAreRefusedBeforeTheyAreHeld() throws {
        let limit = SpreadsheetLimits.standard.maximumRows
        // The header is a row too: a full sheet is the header and `limit - 1` rows below it.
        var csv = "Nama Mitra;Negara\n"
        for index in 1..<limit { csv += "Kota \(index);JP\n" }
        #expect(try SpreadsheetFile.read(Array(csv.utf8), fileName: "x.csv").sheets[0].rows.count == limit)
        csv += "Satu lagi;JP\n"
        #expect(throws: SpreadsheetError.tooManyRows(limit: limit)) {
            try SpreadsheetFile.read(Array(csv.utf8), fileName: "x.csv")
        }
        var hundredThousandAndOne = "Nama Mitra;Negara\n"
        for index in 1...100_000 { hundredThousandAndOne += "Kota \(index);JP\n" }
        #expect(throws: SpreadsheetError.tooManyRows(limit: limit)) {
            try SpreadsheetFile.read(Array(hundredThousandAndOne.utf8), fileName: "x.csv")
        }
        let small = SpreadsheetLimits(maximumRows: 5, maximumBytes: 1 << 20, maximumExpandedBytes: 1 << 20)
        #expect(throws: SpreadsheetError.tooManyRows(limit: 5)) {
            try SpreadsheetFile.read(try Self.fixture("daftar-openpyxl.xlsx"), fileName: "d.xlsx", limits: small)
        }
    }

    @Test func excelSerialNumbersMeanTheirDaysInBothDateSystems() throws {
        #expect(SheetCollector.day(serial: 1, date1904: false) == CalendarDay(year: 1900, month: 1, day: 1))
        #expect(SheetCollector.day(serial: 59, date1904: false) == CalendarDay(year: 1900, month: 2, day: 28))
        #expect(SheetCollector.day(serial: 61, date1904: false) == CalendarDay(year: 1900, month: 3, day: 1))
        #expect(SheetCollector.day(serial: 38981.75, date1904: false) == CalendarDay(year: 2006, month: 9, day: 21))
        #expect(SheetCollector.day(serial: 0, date1904: true) == CalendarDay(year: 1904, month: 1, day: 1))
        #expect(StylesCollector.datePrecision("dd/mm/yyyy") == .day)
        #expect(StylesCollector.datePrecision("[$-421]d mmmm yyyy;@") == .day)
        #expect(StylesCollector.datePrecision("mmmm yyyy") == .month)
        #expect(StylesCollector.datePrecision("yyyy") == .year)
        #expect(StylesCollector.datePrecision("h:mm") == nil)
        #expect(StylesCollector.datePrecision("#,##0.00\"d\"") == nil)
    }
}
