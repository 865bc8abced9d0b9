import KembarCore
import KembarDocuments

/// The import's plan as lines of text in one language, for `kembar import` (the page shows the
/// same sentences).
public struct ImportReport: Sendable {
    let words: Words

    public init(language: Language) throws {
        words = Words(language: language, catalog: try Catalog.bundled())
    }

    init(words: Words) {
        self.words = words
    }

    /// How each sheet was read, the columns it ignores, every problem, and what each partnership
    /// gets; ``counts(_:written:)`` says what it comes to.
    public func lines(_ plan: ImportPlan) -> [String] {
        var lines = sheetLines(plan)
        lines += plan.problems.map(words.line(for:))
        for planned in plan.changed {
            lines.append("")
            lines.append("\(words.text("import_action_\(planned.action.rawValue)")): \(heading(planned))")
            for (key, items) in [
                ("import_added", planned.added), ("import_filled", planned.filled),
                ("import_left_alone", planned.leftAlone),
            ] where !items.isEmpty {
                lines.append("  \(words.text(key)):")
                lines += items.map { "  - " + words.item($0) }
            }
        }
        return lines
    }

    /// How the sheets were read: where each header is, what the sheet lists, and (unless the page
    /// offers a choice for them) the columns it ignores.
    func sheetLines(_ plan: ImportPlan, listingUnknownColumns: Bool = true) -> [String] {
        var lines: [String] = []
        for layout in plan.layouts {
            lines.append(
                words.text(
                    "import_sheet_read",
                    [
                        "sheet": layout.sheet, "row": String(layout.headerRow),
                        "kind": words.text("import_sheet_kind_\(layout.kind.rawValue)"),
                    ]))
            for (column, header) in layout.unknownHeaders.sorted(by: { $0.key < $1.key })
            where listingUnknownColumns && layout.fields[column] == nil {
                lines.append(
                    words.text(
                        "import_column_unknown",
                        ["column": ColumnLetter.name(column), "sheet": layout.sheet, "header": header]))
            }
        }
        lines += plan.sheetsWithoutHeader.map { words.text("import_sheet_without_header", ["sheet": $0]) }
        return lines
    }

    /// "Liuzhou (China), sister city".
    func heading(_ planned: PlannedPartnership) -> String {
        let partnership = planned.partnership
        return
            "\(partnership.partner.name) (\(words.country(partnership.partner.country))), \(words.term(partnership.kind, "partnership-kind"))"
    }

    public func counts(_ plan: ImportPlan, written: Bool) -> String {
        if plan.hasErrors { return words.text("import_not_written") }
        if plan.changed.isEmpty { return words.text("import_nothing_to_do") }
        let unchanged = plan.partnerships.count { $0.action == .unchanged && !$0.sources.isEmpty }
        return Self.counts(created: plan.created, filled: plan.filled, unchanged: unchanged, written: written, words)
    }

    /// "2 partnerships to create, 6 to fill in" (and how many the list names as the record has them).
    static func counts(created: Int, filled: Int, unchanged: Int, written: Bool, _ words: Words) -> String {
        let key = (written ? "import_counts_written" : "import_counts") + (unchanged == 0 ? "_new" : "")
        return words.text(
            key, ["created": String(created), "filled": String(filled), "unchanged": String(unchanged)])
    }

    public func refusal(_ error: SpreadsheetError) -> String {
        words.refusal(error)
    }

    public func text(_ key: String) -> String {
        words.text(key)
    }
}
