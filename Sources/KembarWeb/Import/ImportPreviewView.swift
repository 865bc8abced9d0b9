import KembarCore
import KembarStore

/// The preview of an import: how each sheet was read, the columns Kembar did not know (with a
/// choice of field), every problem with its cell, and what each partnership gets.
struct ImportPreviewView {
    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    struct ColumnChoice {
        let name: String
        let id: String
        let label: String
        let options: [Option]
    }

    struct ProblemRow {
        let kind: String
        let css: String
        let place: String
        let value: String
        let message: String
    }

    struct Section {
        let title: String
        let items: [String]
    }

    struct PlannedRow {
        let action: String
        let css: String
        let heading: String
        let sections: [Section]
    }

    let fileName: String
    let summary: String
    let sheets: [String]
    let columns: [ColumnChoice]
    let hasColumns: Bool
    let problems: [ProblemRow]
    let hasProblems: Bool
    let problemCount: String
    let partnerships: [PlannedRow]
    let canWrite: Bool
    let action: String
    let restartHref = SitePath.importList

    init(plan: ImportPlan, pending: PendingImport, words: Words) {
        let report = ImportReport(words: words)
        fileName = pending.fileName
        summary = report.counts(plan, written: false)
        sheets = report.sheetLines(plan, listingUnknownColumns: false)
        action = SitePath.importPreview(pending.organizationID, pending.id)
        columns = Self.columnChoices(plan.layouts, words: words)
        hasColumns = !columns.isEmpty
        let ordered = plan.problems.filter(\.isError) + plan.problems.filter { !$0.isError }
        problems = ordered.map { problem in
            ProblemRow(
                kind: words.text(problem.isError ? "import_error_label" : "import_notice_label"),
                css: problem.isError ? "import-error" : "import-note", place: words.place(of: problem),
                value: problem.value,
                message: words.message(for: problem))
        }
        hasProblems = !problems.isEmpty
        problemCount = words.text(
            "import_problem_count",
            [
                "errors": String(plan.problems.count(where: \.isError)),
                "notices": String(plan.problems.count { !$0.isError }),
            ])
        partnerships = plan.changed.map { planned in
            PlannedRow(
                action: words.text("import_action_\(planned.action.rawValue)"), css: planned.action.rawValue,
                heading: report.heading(planned),
                sections: [
                    ("import_added", planned.added), ("import_filled", planned.filled),
                    ("import_left_alone", planned.leftAlone),
                ].filter { !$0.1.isEmpty }.map { Section(title: words.text($0.0), items: $0.1.map(words.item)) })
        }
        canWrite = !plan.hasErrors && !plan.changed.isEmpty
    }

    /// A select for each column whose header Kembar did not know, set to the person's choice.
    private static func columnChoices(_ layouts: [SheetLayout], words: Words) -> [ColumnChoice] {
        layouts.enumerated().flatMap { index, layout in
            layout.unknownHeaders.sorted { $0.key < $1.key }.map { column, header in
                let chosen = layout.fields[column] ?? .ignore
                let fields =
                    [ImportField.ignore]
                    + ImportField.allCases.filter {
                        $0 != .number && $0 != .ignore && ImportField.used(on: layout.kind).contains($0)
                    }
                let name = "column-\(index)-\(column)"
                return ColumnChoice(
                    name: name, id: name,
                    label: words.text(
                        "import_column_label",
                        ["column": ColumnLetter.name(column), "sheet": layout.sheet, "header": header]),
                    options: fields.map { Option(value: $0.rawValue, label: words.field($0), selected: $0 == chosen) })
            }
        }
    }

    /// The choices a preview's form sends back, by sheet name and column.
    static func choices(_ form: FormState, layouts: [SheetLayout]) -> [String: [Int: ImportField]] {
        var choices: [String: [Int: ImportField]] = [:]
        for (index, layout) in layouts.enumerated() {
            for column in layout.unknownHeaders.keys {
                if let field = ImportField(rawValue: form["column-\(index)-\(column)"]) {
                    choices[layout.sheet, default: [:]][column] = field
                }
            }
        }
        return choices
    }
}
