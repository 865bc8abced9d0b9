/// Where a sheet's header is and what each of its columns holds.
///
/// Offices put a title (and a merged cell or two) above the header, so the header is the first
/// of the sheet's top rows in which at least two cells are headers Kembar knows, one of them the
/// partner's.
public struct SheetLayout: Sendable {
    public let sheet: String
    public let kind: ImportSheetKind
    /// The header row's number.
    public let headerRow: Int
    /// The field of each column, by index; columns left out are ignored.
    public let fields: [Int: ImportField]
    /// Every column's header as written, by index.
    public let headers: [Int: String]
    /// Headers Kembar does not know, by column index: the person may choose a field for them.
    public let unknownHeaders: [Int: String]

    /// How far down a header is looked for.
    static let headerSearchDepth = 30

    /// The layout of `sheet`, with the person's choices for columns (`choices[column]`) applied;
    /// nil when no header is found.
    static func find(in sheet: Sheet, choices: [Int: ImportField] = [:]) -> SheetLayout? {
        for row in sheet.rows.prefix(headerSearchDepth) {
            let headers = row.cells.map(\.text)
            let generalKind = kind(of: sheet.name, headers: headers)
            let known = headers.map { ImportField.named($0, on: generalKind) }
            guard known.contains(.partner), known.compactMap({ $0 }).count >= 2 else { continue }
            var fields: [Int: ImportField] = [:]
            var unknown: [Int: String] = [:]
            var written: [Int: String] = [:]
            let used = ImportField.used(on: generalKind)
            for (column, header) in headers.enumerated() where !header.isEmpty {
                written[column] = header
                if let field = known[column] {
                    if used.contains(field) { fields[column] = field }
                } else {
                    unknown[column] = header
                }
            }
            for (column, field) in choices where column < headers.count {
                fields[column] = field == .ignore || !used.contains(field) ? nil : field
            }
            return SheetLayout(
                sheet: sheet.name, kind: generalKind, headerRow: row.number, fields: fields, headers: written,
                unknownHeaders: unknown)
        }
        return nil
    }

    /// Activities have a title or a start; a sheet named for agreements lists agreements; any
    /// other lists partnerships with their first agreement.
    private static func kind(of name: String, headers: [String]) -> ImportSheetKind {
        let fields = headers.compactMap { ImportField.named($0, on: .partnerships) }
        if fields.contains(.title) || fields.contains(.start) { return .activities }
        let nameKey = MatchKey.of(name)
        if ["perjanjian", "agreement", "agreements", "dokumen"].contains(where: nameKey.contains) {
            return .agreements
        }
        return .partnerships
    }

    /// The column that holds `field`, if any: the first, when several do.
    func column(of field: ImportField) -> Int? {
        fields.filter { $0.value == field }.map(\.key).min()
    }
}
