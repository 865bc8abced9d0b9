import Foundation

/// A workbook as its cells hold it, whatever file it came from (XLSX or CSV): the sheets a person
/// sees, each with its non-empty rows. Readers fill it; the import reads only this.
public struct Spreadsheet: Sendable {
    public var sheets: [Sheet]

    public init(sheets: [Sheet]) {
        self.sheets = sheets
    }
}

public struct Sheet: Sendable {
    public var name: String
    /// The rows that hold anything, in order.
    public var rows: [SheetRow]

    public init(name: String, rows: [SheetRow]) {
        self.name = name
        self.rows = rows
    }
}

public struct SheetRow: Sendable {
    /// The row's number as the spreadsheet program shows it, counting from 1.
    public var number: Int
    /// The cells from column A on; missing cells at the end are empty.
    public var cells: [Cell]

    public init(number: Int, cells: [Cell]) {
        self.number = number
        self.cells = cells
    }

    public subscript(column: Int) -> Cell {
        column < cells.count ? cells[column] : .empty
    }

    public var isEmpty: Bool { cells.allSatisfy { $0 == .empty } }
}

/// What one cell holds. A formula's cell holds its last computed value.
public enum Cell: Hashable, Sendable {
    case empty
    case text(String)
    case number(Double)
    /// A number formatted as a date: the date it means, as precise as its format shows it (a
    /// format of month and year gives a month).
    case date(DatePoint)
    case boolean(Bool)
    /// A formula saved without its value, by a program that does not compute formulas.
    case uncomputed(formula: String)

    /// The cell as a person reads it, for messages and for fields that take text.
    public var text: String {
        switch self {
        case .empty: ""
        case .text(let text): text
        case .number(let number):
            number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .date(let point): point.description
        case .boolean(let value): value ? "TRUE" : "FALSE"
        case .uncomputed(let formula): "=" + formula
        }
    }

    /// A cell whose text, trimmed, is empty counts as empty.
    public init(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        self = trimmed.isEmpty ? .empty : .text(trimmed)
    }
}

/// Column letters as spreadsheet programs show them: A … Z, AA … AZ, BA …
public enum ColumnLetter {
    public static func name(_ index: Int) -> String {
        var letters = ""
        var rest = index + 1
        while rest > 0 {
            let remainder = (rest - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            rest = (rest - 1) / 26
        }
        return letters
    }

    /// The column index of a cell reference such as `B3` or `AA12`; nil when it has no letters.
    public static func index(ofReference reference: some StringProtocol) -> Int? {
        var index = 0
        var sawLetter = false
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            index = index * 26 + Int(scalar.value - 64)
            sawLetter = true
        }
        return sawLetter ? index - 1 : nil
    }
}
