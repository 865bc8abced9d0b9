import KembarCore
import KembarDocuments

/// How the import's plan, problems and refusals are said, on its pages and by `kembar import`.
extension Words {
    func field(_ field: ImportField) -> String {
        text("import_field_\(field.rawValue)")
    }

    /// Where a problem is, as a person finds it in their spreadsheet program.
    func place(of problem: ImportProblem) -> String {
        switch (problem.row, problem.column) {
        case (let row?, let column?):
            text("import_place_cell", ["sheet": problem.sheet, "row": String(row), "column": column])
        case (let row?, nil): text("import_place_row", ["sheet": problem.sheet, "row": String(row)])
        default: text("import_place_sheet", ["sheet": problem.sheet])
        }
    }

    func message(for problem: ImportProblem) -> String {
        switch problem.reason {
        case .noHeader: text("import_problem_no_header")
        case .missing(let field): text("import_problem_missing", ["field": self.field(field)])
        case .malformedDate: text("import_problem_malformed_date")
        case .impossibleDate: text("import_problem_impossible_date")
        case .unknownCountry: text("import_problem_unknown_country")
        case .unknownKind:
            text("import_problem_unknown_kind", ["choices": choices(Partnership.Kind.allCases, "partnership-kind")])
        case .unknownAgreementType:
            text(
                "import_problem_unknown_agreement_type",
                ["choices": choices(Agreement.Kind.allCases, "agreement-type")])
        case .unknownActivityKind:
            text("import_problem_unknown_activity_kind", ["choices": choices(Activity.Kind.allCases, "activity-kind")])
        case .unknownYesNo: text("import_problem_unknown_yes_no")
        case .unknownArea(let area): text("import_problem_unknown_area", ["area": area, "other": term("area.other")])
        case .noPartnership(let partner, let country):
            text("import_problem_no_partnership", ["partner": partner, "country": self.country(country)])
        case .severalPartnerships(let partner): text("import_problem_several_partnerships", ["partner": partner])
        case .endsBeforeStart: text("import_problem_ends_before_start")
        case .tooLong(let maximum): text("import_problem_too_long", ["maximum": count(maximum)])
        case .uncomputedFormula: text("import_problem_uncomputed_formula")
        }
    }

    /// The problem in one line: where, what the cell holds, what is wrong.
    func line(for problem: ImportProblem) -> String {
        let label = text(problem.isError ? "import_error_label" : "import_notice_label")
        let value = problem.value.isEmpty ? "" : " (" + text("import_value", ["value": problem.value]) + ")"
        return "\(label): \(place(of: problem))\(value): \(message(for: problem))"
    }

    func item(_ item: ImportItem) -> String {
        switch item {
        case .partnership(let kind): text("import_item_partnership", ["kind": term(kind, "partnership-kind")])
        case .agreement(let type, let signed):
            text("import_item_agreement", ["agreement": "\(term(type, "agreement-type")) \(date(signed))"])
        case .activity(let title, let start): text("import_item_activity", ["title": title, "date": date(start)])
        case .notes(let notes): text("import_item_notes", ["text": String(notes.prefix(120))])
        case .validUntil(let type, let signed, let until):
            text(
                "import_item_valid_until",
                ["agreement": "\(term(type, "agreement-type")) \(date(signed))", "date": date(until)])
        case .areas(let type, let signed, let areas):
            text(
                "import_item_areas",
                [
                    "agreement": "\(term(type, "agreement-type")) \(date(signed))",
                    "areas": areas.map { term("area.\($0)") }.joined(separator: "; "),
                ])
        }
    }

    /// Why a file was refused before any of it was read as a list.
    func refusal(_ error: SpreadsheetError) -> String {
        switch error {
        case .notASpreadsheet(let what):
            text("import_file_not_spreadsheet", ["what": text("import_file_kind_\(what.rawValue)")])
        case .encrypted: text("import_file_encrypted")
        case .legacyExcel: text("import_file_legacy_excel")
        case .corrupt: text("import_file_corrupt")
        case .expandsTooFar(let limit): text("import_file_expands", ["size": megabytes(limit)])
        case .tooManyRows(let limit): text("import_file_too_many_rows", ["limit": count(limit)])
        case .tooLarge(let limit): text("import_file_too_large", ["size": megabytes(limit)])
        case .formatMismatch(let expected, let found):
            text(
                "import_file_mismatch",
                ["expected": expected.rawValue.uppercased(), "found": found.rawValue.uppercased()])
        }
    }

    private func choices<T: RawRepresentable>(_ values: [T], _ family: String) -> String where T.RawValue == String {
        values.map { term($0, family) }.joined(separator: ", ")
    }
}
