/// A table written as CSV (RFC 4180): fields quoted when they hold a comma, quote or line break,
/// lines ended by CRLF, and a byte order mark first, so that spreadsheet programs read UTF-8
/// (partner names in Chinese, Korean or Arabic script) as UTF-8.
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    /// A sheet's header and rows as CSV text, each cell as it reads.
    public init(_ sheet: SheetContent) {
        self.init(header: sheet.columns.map(\.header), rows: sheet.rows.map { $0.map(\.text) })
    }

    public var text: String {
        var out = "\u{FEFF}"
        for row in [header] + rows {
            out += row.map(Self.field).joined(separator: ",")
            out += "\r\n"
        }
        return out
    }

    /// A field as CSV. Text a spreadsheet would run as a formula (`=`, `+`, `@`, or `-` before
    /// something that is not a number) is prefixed with an apostrophe: a title typed into
    /// Kembar must not become a formula in the Ministry's spreadsheet.
    public static func field(_ value: String) -> String {
        var value = value
        if let first = value.first {
            let second = value.dropFirst().first
            let formula =
                first == "=" || first == "+" || first == "@" || first == "\t" || first == "\r"
                || (first == "-" && !(second?.isNumber ?? false))
            if formula { value = "'" + value }
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        var quoted = "\""
        for character in value {
            if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
        }
        return quoted + "\""
    }
}
