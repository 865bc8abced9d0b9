import KembarCore

/// The overview as one table: a row per government, for CSV and XLSX.
extension OverviewView {
    func sheet(_ words: Words) -> SheetContent {
        var headers = [
            words.text("overview_column_province"), words.text("overview_column_government"),
            words.text("overview_column_level"), words.text("overview_column_region"),
            words.text("overview_column_partnerships"),
        ]
        for element in KeyElement.allCases {
            for status in ElementStatus.allCases {
                headers.append("\(words.term(element, "element")): \(words.term(status, "status"))")
            }
        }
        headers += [
            words.text("overview_column_dormant"), words.text("overview_column_missed"),
            words.text("overview_column_expiring"), words.text("overview_column_load"),
            words.text("overview_column_latest"),
        ]
        let names = Dictionary(
            shownSummaries.map { ($0.organization.id, $0.organization.name) }, uniquingKeysWith: { first, _ in first })
        let rows = shownSummaries.map { summary -> [CellContent] in
            let organization = summary.organization
            let province = organization.level == .province ? organization.id : organization.parent
            var cells: [CellContent] = [
                CellContent(province.map { names[$0] ?? $0 }), .text(organization.name),
                CellContent(organization.level.map { words.term($0, "level") }), CellContent(organization.regionCode),
                .number(Double(summary.partnerships)),
            ]
            for element in KeyElement.allCases {
                for status in ElementStatus.allCases {
                    cells.append(.number(Double(summary.elements[element]?[status] ?? 0)))
                }
            }
            cells += [
                .number(Double(summary.dormant)), .number(Double(summary.obligationsMissedThisYear)),
                .number(Double(summary.agreementsExpiring)), summary.perOfficer.map { .number($0) } ?? .empty,
                summary.latestActivityYear.map { .number(Double($0)) } ?? .empty,
            ]
            return cells
        }
        return SheetContent(
            name: words.text("overview_sheet_name"),
            columns: headers.enumerated().map { ColumnContent(header: $1, width: $0 < 2 ? 28 : 12) }, rows: rows)
    }
}
