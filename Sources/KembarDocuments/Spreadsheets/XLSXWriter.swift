import KembarCore

/// Writes a workbook as XLSX (Office Open XML, SpreadsheetML) that Excel, LibreOffice and openpyxl
/// open as their own: text, numbers and dates typed, each sheet's header row frozen and filtered,
/// header notes, drop-down lists kept on a hidden sheet of their own.
///
/// Written here rather than through a C library so that building Kembar needs nothing the machine
/// lacks: the format's needs are few, and the tests read every file back with LibreOffice.
public enum XLSXWriter {
    /// The hidden sheet that holds the drop-down lists.
    static let listsSheet = "Daftar Pilihan"

    public static func bytes(_ workbook: WorkbookContent) -> [UInt8] {
        let lists = ChoiceLists(workbook)
        var zip = ZipWriter()
        let sheetCount = workbook.sheets.count + (lists.isEmpty ? 0 : 1)
        zip.add("[Content_Types].xml", Array(XLSXParts.contentTypes(workbook, sheetCount: sheetCount).utf8))
        zip.add("_rels/.rels", Array(XLSXParts.rootRelations.utf8))
        zip.add("xl/workbook.xml", Array(XLSXParts.workbook(workbook, hasLists: !lists.isEmpty).utf8))
        zip.add("xl/_rels/workbook.xml.rels", Array(XLSXParts.workbookRelations(sheetCount: sheetCount).utf8))
        zip.add("xl/styles.xml", Array(XLSXParts.styles.utf8))
        for (index, sheet) in workbook.sheets.enumerated() {
            let number = index + 1
            let notes = sheet.columns.enumerated().compactMap { column, content in
                content.note.map { (column, $0) }
            }
            zip.add(
                "xl/worksheets/sheet\(number).xml",
                XLSXSheetWriter(sheet: sheet, selected: index == 0, lists: lists, hasNotes: !notes.isEmpty).bytes(),
                compressed: true)
            if !notes.isEmpty {
                zip.add("xl/worksheets/_rels/sheet\(number).xml.rels", Array(XLSXParts.sheetRelations(number).utf8))
                zip.add("xl/comments\(number).xml", Array(XLSXParts.comments(notes).utf8), compressed: true)
                zip.add(
                    "xl/drawings/vmlDrawing\(number).vml", Array(XLSXParts.vmlDrawing(notes).utf8), compressed: true)
            }
        }
        if !lists.isEmpty {
            zip.add("xl/worksheets/sheet\(sheetCount).xml", lists.sheet(), compressed: true)
        }
        return zip.bytes()
    }
}

/// Each distinct list of choices, as a column of the hidden lists sheet.
struct ChoiceLists {
    private(set) var columns: [[String]] = []
    private var byList: [[String]: Int] = [:]

    init(_ workbook: WorkbookContent) {
        for sheet in workbook.sheets {
            for column in sheet.columns {
                guard let choices = column.choices, !choices.isEmpty, byList[choices] == nil else { continue }
                byList[choices] = columns.count
                columns.append(choices)
            }
        }
    }

    var isEmpty: Bool { columns.isEmpty }

    /// The list's range, as a validation formula reads it: `'Daftar Pilihan'!$B$2:$B$12`.
    func range(of choices: [String]) -> String? {
        guard let index = byList[choices] else { return nil }
        let letter = ColumnLetter.name(index)
        return "'\(XLSXWriter.listsSheet)'!$\(letter)$1:$\(letter)$\(choices.count)"
    }

    func sheet() -> [UInt8] {
        let rows = columns.map(\.count).max() ?? 0
        var xml = XLSXParts.sheetStart
        xml += "<sheetData>"
        for row in 0..<rows {
            xml += "<row r=\"\(row + 1)\">"
            for (index, column) in columns.enumerated() where row < column.count {
                xml += XLSXSheetWriter.inlineString(column[row], reference: ColumnLetter.name(index) + String(row + 1))
            }
            xml += "</row>"
        }
        xml += "</sheetData></worksheet>"
        return Array(xml.utf8)
    }
}
