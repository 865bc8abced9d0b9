import KembarCore

/// One worksheet's XML: columns, the header row (frozen, filtered), the rows, drop-down lists.
struct XLSXSheetWriter {
    let sheet: SheetContent
    let selected: Bool
    let lists: ChoiceLists
    let hasNotes: Bool

    /// Drop-down lists reach this far below the header, so that rows typed later get them too.
    static let validatedRows = 1000

    func bytes() -> [UInt8] {
        let lastColumn = ColumnLetter.name(max(sheet.columns.count - 1, 0))
        let dataRows = sheet.rows.count + (sheet.example == nil ? 0 : 1)
        var xml = XLSXParts.sheetStart
        xml += "<dimension ref=\"A1:\(lastColumn)\(dataRows + 1)\"/>"
        xml += "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
        xml += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        xml += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/><cols>"
        for (index, column) in sheet.columns.enumerated() {
            xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(column.width)\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>"
        xml += "<row r=\"1\">"
        for (index, column) in sheet.columns.enumerated() {
            xml += Self.inlineString(
                column.header, reference: ColumnLetter.name(index) + "1", style: XLSXParts.headerStyle)
        }
        xml += "</row>"
        var number = 2
        if let example = sheet.example {
            xml += row(example, number: number, example: true)
            number += 1
        }
        for cells in sheet.rows {
            xml += row(cells, number: number, example: false)
            number += 1
        }
        xml += "</sheetData>"
        xml += "<autoFilter ref=\"A1:\(lastColumn)\(max(dataRows + 1, 2))\"/>"
        xml += validations()
        xml += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        if hasNotes { xml += "<legacyDrawing r:id=\"rId2\"/>" }
        xml += "</worksheet>"
        return Array(xml.utf8)
    }

    private func row(_ cells: [CellContent], number: Int, example: Bool) -> String {
        var xml = "<row r=\"\(number)\">"
        for (index, cell) in cells.enumerated() {
            let reference = ColumnLetter.name(index) + String(number)
            switch cell {
            case .empty:
                if example { xml += "<c r=\"\(reference)\" s=\"\(XLSXParts.exampleStyle)\"/>" }
            case .text(let text):
                let style = example ? XLSXParts.exampleStyle : text.contains("\n") ? XLSXParts.wrapStyle : 0
                xml += Self.inlineString(text, reference: reference, style: style)
            case .number(let value):
                xml +=
                    "<c r=\"\(reference)\"\(example ? " s=\"\(XLSXParts.exampleStyle)\"" : "")><v>\(Self.number(value))</v></c>"
            case .date(let date):
                if case .point(let point) = date, let serial = Self.serial(point.firstDay) {
                    let style = XLSXParts.dateStyle(point.precision)
                    xml += "<c r=\"\(reference)\" s=\"\(style)\"><v>\(serial)</v></c>"
                } else {
                    xml += Self.inlineString(date.description, reference: reference)
                }
            }
        }
        return xml + "</row>"
    }

    private func validations() -> String {
        let validated = sheet.columns.enumerated().compactMap { index, column in
            column.choices.flatMap(lists.range).map { (index, $0) }
        }
        guard !validated.isEmpty else { return "" }
        var xml = "<dataValidations count=\"\(validated.count)\">"
        for (index, range) in validated {
            let letter = ColumnLetter.name(index)
            // Errors are warnings: a value the list lacks (a new area, say) can still be kept.
            xml += "<dataValidation type=\"list\" errorStyle=\"warning\" allowBlank=\"1\" showInputMessage=\"1\""
            xml += " showErrorMessage=\"1\" sqref=\"\(letter)2:\(letter)\(Self.validatedRows)\">"
            xml += "<formula1>\(XMLText.escaped(range))</formula1></dataValidation>"
        }
        return xml + "</dataValidations>"
    }

    static func inlineString(_ text: String, reference: String, style: Int = 0) -> String {
        let styled = style == 0 ? "" : " s=\"\(style)\""
        return
            "<c r=\"\(reference)\"\(styled) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XMLText.escaped(text))</t></is></c>"
    }

    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// The day's serial number in Excel's 1900 date system (which counts a 29 February 1900 that
    /// never was); nil before 1 March 1900, where the two calendars part.
    static func serial(_ day: CalendarDay) -> Int? {
        let serial = day.ordinal + 25_569
        return serial > 60 ? serial : nil
    }
}
