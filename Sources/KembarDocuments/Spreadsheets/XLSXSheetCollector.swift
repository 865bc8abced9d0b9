import Foundation
import KembarCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The rows of one worksheet part. Stops as soon as the rows pass the limit, so that a sheet of a
/// million rows is refused without being held.
final class SheetCollector: NSObject, XMLParserDelegate {
    private(set) var rows: [SheetRow] = []
    private(set) var tooManyRows = false
    private let strings: [String]
    private let dateStyles: [DatePoint.Precision?]
    private let date1904: Bool
    private let rowsLeft: Int

    private var rowNumber = 0
    private var cells: [Cell] = []
    private var column = 0
    private var type = ""
    private var style = 0
    private var value = ""
    private var collecting = false
    private var formula: String?
    private var collectingFormula = false
    private var hasValue = false
    private var inInlineString = false

    init(strings: [String], dateStyles: [DatePoint.Precision?], date1904: Bool, rowsLeft: Int) {
        self.strings = strings
        self.dateStyles = dateStyles
        self.date1904 = date1904
        self.rowsLeft = rowsLeft
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName.localName {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells = []
            column = 0
        case "c":
            column = attributes["r"].flatMap(ColumnLetter.index(ofReference:)) ?? column
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            value = ""
            formula = nil
            hasValue = false
        case "v":
            collecting = true
            hasValue = true
        case "f":
            formula = ""
            collectingFormula = true
        case "is": inInlineString = true
        case "t" where inInlineString: collecting = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName.localName {
        case "v": collecting = false
        case "f": collectingFormula = false
        case "t": collecting = false
        case "is": inInlineString = false
        case "c":
            let cell = self.cell()
            if cell != .empty {
                while cells.count <= column { cells.append(.empty) }
                cells[column] = cell
            }
            column += 1
        case "row":
            let row = SheetRow(number: rowNumber, cells: cells)
            guard !row.isEmpty else { return }
            guard rows.count < rowsLeft else {
                tooManyRows = true
                parser.abortParsing()
                return
            }
            rows.append(row)
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { value += string }
        if collectingFormula { formula? += string }
    }

    private func cell() -> Cell {
        // A program that writes formulas without computing them (openpyxl, for one) leaves no value.
        if let formula, !hasValue || value.isEmpty, type != "inlineStr" { return .uncomputed(formula: formula) }
        switch type {
        case "s":
            guard let index = Int(value), strings.indices.contains(index) else { return .empty }
            return Cell(text: strings[index])
        case "str", "inlineStr": return Cell(text: value)
        case "b": return value.isEmpty ? .empty : .boolean(value == "1")
        case "e": return .empty
        default:
            guard let number = Double(value) else { return Cell(text: value) }
            if style < dateStyles.count, let precision = dateStyles[style],
                let day = Self.day(serial: number, date1904: date1904)
            {
                let parts = day.components
                let point =
                    switch precision {
                    case .day: DatePoint(day)
                    case .month: DatePoint(year: parts.year, month: parts.month) ?? DatePoint(day)
                    case .year: DatePoint(year: parts.year)
                    }
                return .date(point)
            }
            return .number(number)
        }
    }

    /// The day an Excel serial number means. The 1900 system counts 1900-02-29, a day that
    /// never was (Lotus 1-2-3's mistake, kept for compatibility), so serials after it are one high.
    static func day(serial: Double, date1904: Bool) -> CalendarDay? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        if date1904 { return CalendarDay(ordinal: whole - 24_107) }
        guard whole >= 1 else { return nil }
        return CalendarDay(ordinal: whole > 60 ? whole - 25_569 : whole - 25_568)
    }
}
