import Foundation

/// Reads the fields of one row by its sheet's layout, noting every problem with its cell.
struct ImportRowReader {
    let layout: SheetLayout
    let row: SheetRow
    let vocabulary: ImportVocabulary
    var problems: [ImportProblem] = []

    var source: ImportSource { ImportSource(sheet: layout.sheet, row: row.number) }

    func cell(_ field: ImportField) -> (column: Int, cell: Cell)? {
        guard let column = layout.column(of: field) else { return nil }
        let cell = row[column]
        return cell == .empty ? nil : (column, cell)
    }

    mutating func fail(_ field: ImportField, _ reason: ImportProblem.Reason) {
        let column = layout.column(of: field)
        problems.append(
            ImportProblem(
                sheet: layout.sheet, row: row.number, column: column.map(ColumnLetter.name),
                value: column.map { row[$0].text } ?? "", reason: reason))
    }

    mutating func text(_ field: ImportField, required: Bool, maximum: Int = 300) -> String? {
        guard let (_, cell) = cell(field) else {
            if required { fail(field, .missing(field)) }
            return nil
        }
        let text = cell.text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard text.count <= maximum else {
            fail(field, .tooLong(maximum: maximum))
            return nil
        }
        return text
    }

    /// The partner and country (and kind, when given) that every kind of row names.
    mutating func partner() -> PartnerReference? {
        let name = text(.partner, required: true, maximum: 200)
        var country: String?
        if let written = text(.country, required: true) {
            country = vocabulary.country(written)
            if country == nil { fail(.country, .unknownCountry) }
        }
        var kind: Partnership.Kind?
        if let written = text(.kind, required: false) {
            kind = vocabulary.partnershipKind(written)
            if kind == nil { fail(.kind, .unknownKind) }
        }
        guard let name, let country else { return nil }
        return PartnerReference(name: name, country: country, kind: kind)
    }

    /// A date as the cell holds it: a real date, a year typed as a number, or text as people write
    /// dates (``WrittenDate``), each kept at its precision.
    mutating func date(_ field: ImportField, required: Bool) -> PartialDate? {
        guard let (_, cell) = cell(field) else {
            if required { fail(field, .missing(field)) }
            return nil
        }
        switch cell {
        case .date(let point):
            return PartialDate(point)
        case .number(let number) where number.rounded() == number && (1000...9999).contains(number):
            return PartialDate(DatePoint(year: Int(number)))
        case .text(let text):
            do {
                return try WrittenDate.read(text)
            } catch {
                if case .malformed = error { fail(field, .malformedDate) } else { fail(field, .impossibleDate) }
                return nil
            }
        case .uncomputed:
            return nil  // Already said: the row's formulas were checked before its fields.
        default:
            fail(field, .malformedDate)
            return nil
        }
    }

    /// The end of an agreement: a date, or a term from its signing (`5 tahun`, `5 years`).
    mutating func validUntil(signed: PartialDate?) -> PartialDate? {
        if let (_, cell) = cell(.validUntil), case .text(let text) = cell,
            let years = Self.term(text), let signed
        {
            let point = signed.startPoint
            let year = point.year + years
            let day = point.month.flatMap { month in point.day.flatMap { DatePoint(year: year, month: month, day: $0) }
            }
            // 29 February's anniversary in a common year falls in its month, not on a day.
            return PartialDate(day ?? point.month.flatMap { DatePoint(year: year, month: $0) } ?? DatePoint(year: year))
        }
        return date(.validUntil, required: false)
    }

    private static func term(_ text: String) -> Int? {
        let words = MatchKey.words(text)
        guard words.count == 2, let years = Int(words[0]), (1...100).contains(years),
            ["tahun", "year", "years", "thn"].contains(words[1])
        else { return nil }
        return years
    }

    /// The row's notes: every column read as notes (a person may choose more than one), each
    /// under its own header.
    mutating func notes() -> [(header: String, text: String)] {
        var notes: [(header: String, text: String)] = []
        for (column, field) in layout.fields.sorted(by: { $0.key < $1.key }) where field == .notes {
            let text = row[column].text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            guard text.count <= 10_000 else {
                problems.append(
                    ImportProblem(
                        sheet: layout.sheet, row: row.number, column: ColumnLetter.name(column),
                        value: String(text.prefix(60)), reason: .tooLong(maximum: 10_000)))
                continue
            }
            notes.append((layout.headers[column] ?? "Keterangan", text))
        }
        return notes
    }

    mutating func areas() -> [String] {
        guard let (column, cell) = cell(.areas) else { return [] }
        let (ids, unknown) = vocabulary.areas(cell.text)
        for part in unknown {
            problems.append(
                ImportProblem(
                    sheet: layout.sheet, row: row.number, column: ColumnLetter.name(column), value: cell.text,
                    reason: .unknownArea(part)))
        }
        return unknown.isEmpty || ids.contains("other") ? ids : ids + ["other"]
    }

    mutating func yesNo(_ field: ImportField) -> Bool? {
        guard let (_, cell) = cell(field) else { return nil }
        if case .boolean(let value) = cell { return value }
        switch MatchKey.of(cell.text) {
        case "ya", "yes", "y", "true", "1", "benar", "publik", "public": return true
        case "tidak", "no", "n", "false", "0", "salah", "bukan": return false
        default:
            fail(field, .unknownYesNo)
            return nil
        }
    }

    /// The template's example row (its `No` says so) is not data.
    var isExample: Bool {
        guard let (_, cell) = cell(.number) else { return false }
        let key = MatchKey.of(cell.text)
        return key.contains("contoh") || key.contains("example")
    }
}
