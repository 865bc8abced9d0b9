/// A workbook to write: what each sheet says, typed so that the file holds numbers as numbers and
/// dates as dates. The XLSX writer turns it into a file; pages and commands build it.
public struct WorkbookContent: Sendable {
    public var sheets: [SheetContent]

    public init(sheets: [SheetContent]) {
        self.sheets = sheets
    }
}

public struct SheetContent: Sendable {
    public var name: String
    public var columns: [ColumnContent]
    public var rows: [[CellContent]]
    /// A filled-in example under the header, shown apart (a template's).
    public var example: [CellContent]?

    public init(name: String, columns: [ColumnContent], rows: [[CellContent]] = [], example: [CellContent]? = nil) {
        self.name = name
        self.columns = columns
        self.rows = rows
        self.example = example
    }
}

public struct ColumnContent: Sendable {
    public var header: String
    /// A note on the header cell (the header in another language, what to write).
    public var note: String?
    /// Width in characters.
    public var width: Double
    /// The values a cell of the column may take, offered as a drop-down list.
    public var choices: [String]?

    public init(header: String, note: String? = nil, width: Double = 14, choices: [String]? = nil) {
        self.header = header
        self.note = note
        self.width = width
        self.choices = choices
    }
}

public enum CellContent: Hashable, Sendable {
    case empty
    case text(String)
    case number(Double)
    /// A date at its precision; a range, which no spreadsheet date can hold, is written as its text.
    case date(PartialDate)

    public init(_ text: String?) {
        self = text.map { $0.isEmpty ? .empty : .text($0) } ?? .empty
    }

    /// The cell as CSV writes it.
    public var text: String {
        switch self {
        case .empty: ""
        case .text(let text): text
        case .number(let number):
            number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .date(let date): date.description
        }
    }
}
