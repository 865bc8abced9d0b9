/// Reads the rows of every sheet that has a header into lines of partnerships, agreements and
/// activities, with the problems of each cell.
enum ImportLinesReader {
    /// `choices` holds the person's field for a column, by sheet name and column index.
    static func read(
        _ spreadsheet: Spreadsheet, choices: [String: [Int: ImportField]], vocabulary: ImportVocabulary
    ) -> ImportLines {
        var lines = ImportLines()
        for sheet in spreadsheet.sheets {
            guard let layout = SheetLayout.find(in: sheet, choices: choices[sheet.name] ?? [:]) else {
                if sheet.rows.contains(where: { !$0.isEmpty }) { lines.sheetsWithoutHeader.append(sheet.name) }
                continue
            }
            lines.layouts.append(layout)
            for row in sheet.rows where row.number > layout.headerRow && !row.isEmpty {
                var reader = ImportRowReader(layout: layout, row: row, vocabulary: vocabulary)
                guard !reader.isExample else { continue }
                for (column, field) in layout.fields.sorted(by: { $0.key < $1.key }) {
                    if case .uncomputed = row[column] { reader.fail(field, .uncomputedFormula) }
                }
                switch layout.kind {
                case .partnerships: readPartnership(&reader, into: &lines)
                case .agreements: readAgreement(&reader, into: &lines)
                case .activities: readActivity(&reader, into: &lines)
                }
                lines.problems += reader.problems
            }
        }
        if lines.layouts.isEmpty {
            lines.problems.append(
                ImportProblem(
                    sheet: spreadsheet.sheets.first?.name ?? "", row: nil, column: nil, value: "", reason: .noHeader))
        }
        return lines
    }

    private static func readPartnership(_ reader: inout ImportRowReader, into lines: inout ImportLines) {
        let partner = reader.partner()
        if partner != nil, reader.layout.column(of: .kind) != nil, reader.cell(.kind) == nil {
            reader.fail(.kind, .missing(.kind))
        }
        let agreement = agreementFields(&reader, signedRequired: false)
        let notes = reader.notes()
        guard let partner, reader.problems.allSatisfy({ !$0.isError }) else { return }
        lines.partnerships.append(
            PartnershipLine(
                source: reader.source, partner: partner,
                agreement: agreement.map {
                    AgreementLine(
                        source: reader.source, partner: partner, type: $0.type, signed: $0.signed,
                        validUntil: $0.validUntil, areas: $0.areas)
                },
                notes: notes))
    }

    private static func readAgreement(_ reader: inout ImportRowReader, into lines: inout ImportLines) {
        let partner = reader.partner()
        let agreement = agreementFields(&reader, signedRequired: true)
        guard let partner, let agreement, reader.problems.allSatisfy({ !$0.isError }) else { return }
        lines.agreements.append(
            AgreementLine(
                source: reader.source, partner: partner, type: agreement.type, signed: agreement.signed,
                validUntil: agreement.validUntil, areas: agreement.areas))
    }

    /// The agreement fields of a row; nil when it gives no signing date (a partnership's row may
    /// leave it out, unless it gives what only an agreement can hold).
    private static func agreementFields(_ reader: inout ImportRowReader, signedRequired: Bool) -> (
        type: Agreement.Kind, signed: PartialDate, validUntil: PartialDate?, areas: [String]
    )? {
        var type = Agreement.Kind.mou
        if let written = reader.text(.agreementType, required: false) {
            if let known = reader.vocabulary.agreementType(written) {
                type = known
            } else {
                reader.fail(.agreementType, .unknownAgreementType)
            }
        }
        let needsDate = signedRequired || reader.cell(.validUntil) != nil || reader.cell(.areas) != nil
        let signed = reader.date(.signed, required: needsDate)
        let validUntil = reader.validUntil(signed: signed)
        let areas = reader.areas()
        if let signed, let validUntil, let end = validUntil.latestDay, let start = signed.earliestDay, end < start {
            reader.fail(.validUntil, .endsBeforeStart)
        }
        guard let signed else { return nil }
        return (type, signed, validUntil, areas)
    }

    private static func readActivity(_ reader: inout ImportRowReader, into lines: inout ImportLines) {
        let partner = reader.partner()
        let title = reader.text(.title, required: true)
        let start = reader.date(.start, required: true)
        let end = reader.date(.end, required: false)
        var kind = Activity.Kind.other
        if let written = reader.text(.activityKind, required: false) {
            if let known = reader.vocabulary.activityKind(written) {
                kind = known
            } else {
                reader.fail(.activityKind, .unknownActivityKind)
            }
        }
        let areas = reader.areas()
        let isPublic = reader.yesNo(.isPublic) ?? false
        if let start, let end, let last = end.latestDay, let first = start.earliestDay, last < first {
            reader.fail(.end, .endsBeforeStart)
        }
        guard let partner, let title, let start, reader.problems.allSatisfy({ !$0.isError }) else { return }
        lines.activities.append(
            ActivityLine(
                source: reader.source, partner: partner, title: title, start: start, end: end, kind: kind,
                areas: areas, isPublic: isPublic))
    }
}
