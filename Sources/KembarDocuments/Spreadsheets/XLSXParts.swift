import Foundation
import KembarCore

/// The fixed parts of the XLSX files Kembar writes, and the pieces every part shares.
enum XLSXParts {
    static let headerStyle = 1
    static let wrapStyle = 5
    static let exampleStyle = 6

    /// Dates show at the precision they are known: `2006-09-21`, `2024-04`, `2005`.
    static func dateStyle(_ precision: DatePoint.Precision) -> Int {
        switch precision {
        case .day: 2
        case .month: 3
        case .year: 4
        }
    }

    private static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let relationType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static let sheetStart = declaration + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationNamespace)\">"

    static func contentTypes(_ workbook: WorkbookContent, sheetCount: Int) -> String {
        let type = "application/vnd.openxmlformats-officedocument.spreadsheetml."
        var xml = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Default Extension=\"vml\" ContentType=\"application/vnd.openxmlformats-officedocument.vmlDrawing\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(type)sheet.main+xml\"/>"
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(type)styles+xml\"/>"
        for number in 1...max(sheetCount, 1) {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(number).xml\" ContentType=\"\(type)worksheet+xml\"/>"
        }
        for (index, sheet) in workbook.sheets.enumerated() where sheet.columns.contains(where: { $0.note != nil }) {
            xml += "<Override PartName=\"/xl/comments\(index + 1).xml\" ContentType=\"\(type)comments+xml\"/>"
        }
        return xml + "</Types>"
    }

    static let rootRelations =
        declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationType)officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    static func workbook(_ workbook: WorkbookContent, hasLists: Bool) -> String {
        var xml = declaration + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationNamespace)\">"
        xml += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, sheet) in workbook.sheets.enumerated() {
            xml += "<sheet name=\"\(XMLText.escaped(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        if hasLists {
            let number = workbook.sheets.count + 1
            xml +=
                "<sheet name=\"\(XMLText.escaped(XLSXWriter.listsSheet))\" sheetId=\"\(number)\" state=\"hidden\" r:id=\"rId\(number)\"/>"
        }
        xml += "</sheets><definedNames>"
        for (index, sheet) in workbook.sheets.enumerated() {
            let last = ColumnLetter.name(max(sheet.columns.count - 1, 0))
            let rows = max(sheet.rows.count + (sheet.example == nil ? 0 : 1) + 1, 2)
            let name = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
            xml += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">"
            xml += XMLText.escaped("\(name)!$A$1:$\(last)$\(rows)") + "</definedName>"
        }
        return xml + "</definedNames></workbook>"
    }

    static func workbookRelations(sheetCount: Int) -> String {
        var xml = declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for number in 1...max(sheetCount, 1) {
            xml +=
                "<Relationship Id=\"rId\(number)\" Type=\"\(relationType)worksheet\" Target=\"worksheets/sheet\(number).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationType)styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    static func sheetRelations(_ number: Int) -> String {
        declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"\(relationType)comments\" Target=\"../comments\(number).xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"\(relationType)vmlDrawing\" Target=\"../drawings/vmlDrawing\(number).vml\"/>"
            + "</Relationships>"
    }

    /// Header notes: the header in the other language, and what the column takes.
    static func comments(_ notes: [(column: Int, text: String)]) -> String {
        var xml =
            declaration + "<comments xmlns=\"\(mainNamespace)\"><authors><author>Kembar</author></authors><commentList>"
        for (column, text) in notes {
            xml += "<comment ref=\"\(ColumnLetter.name(column))1\" authorId=\"0\"><text><t xml:space=\"preserve\">"
            xml += XMLText.escaped(text) + "</t></text></comment>"
        }
        return xml + "</commentList></comments>"
    }

    /// The note boxes Excel draws (still in VML, which Excel requires beside the comments).
    static func vmlDrawing(_ notes: [(column: Int, text: String)]) -> String {
        var xml = "<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\""
        xml += " xmlns:x=\"urn:schemas-microsoft-com:office:excel\">"
        xml += "<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"1\"/></o:shapelayout>"
        xml +=
            "<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\">"
        xml += "<v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>"
        for (index, note) in notes.enumerated() {
            let column = note.column
            xml += "<v:shape id=\"_x0000_s\(1025 + index)\" type=\"#_x0000_t202\" style=\"position:absolute;"
            xml += "margin-left:80pt;margin-top:2pt;width:180pt;height:60pt;z-index:\(index + 1);visibility:hidden\""
            xml += " fillcolor=\"#ffffe1\" o:insetmode=\"auto\"><v:fill color2=\"#ffffe1\"/>"
            xml += "<v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/>"
            xml += "<v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>"
            xml += "<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/>"
            xml +=
                "<x:Anchor>\(column + 1), 15, 0, 2, \(column + 4), 15, 4, 16</x:Anchor><x:AutoFill>False</x:AutoFill>"
            xml += "<x:Row>0</x:Row><x:Column>\(column)</x:Column></x:ClientData></v:shape>"
        }
        return xml + "</xml>"
    }

    static let styles =
        declaration + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/>"
        + "<numFmt numFmtId=\"165\" formatCode=\"yyyy\\-mm\"/><numFmt numFmtId=\"166\" formatCode=\"yyyy\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"4\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFD9E2F3\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFF2CC\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        + "</fills><borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"7\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"166\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">"
        + "<alignment wrapText=\"1\" vertical=\"top\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"3\" borderId=\"0\" xfId=\"0\" applyFill=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
}
