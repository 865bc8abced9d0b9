import Foundation
import KembarCore

/// The yearly report as one spreadsheet table: a row per activity of the year, each carrying its
/// cooperation's columns, and one row for a cooperation without activity (a silent year is
/// reported, not left out). Several values in one cell stand on lines of their own, as spreadsheets
/// show them. Written as CSV, or as an XLSX sheet whose year is a number and whose one-day
/// activities' dates are dates.
enum AnnualReportTable {
    static let columns = [
        "report_csv_year", "report_csv_category", "report_csv_partner", "report_csv_native_name", "field_country",
        "field_partner_kind", "field_partnership_kind", "report_stage", "report_legal_basis", "report_areas",
        "report_csv_activity_dates", "report_csv_activity", "field_activity_kind", "field_host", "field_participants",
        "report_csv_costs_home", "report_csv_costs_partner", "field_results", "report_obstacles", "report_follow_up",
    ]

    static func table(_ report: AnnualReport, words: Words) -> CSVTable {
        CSVTable(sheet(report, words: words))
    }

    static func sheet(_ report: AnnualReport, words: Words) -> SheetContent {
        var rows: [[CellContent]] = []
        for cooperation in report.cooperations {
            let partnership = cooperation.partnership
            let shared = cooperationCells(cooperation, of: report, words: words)
            let closing = [
                // A flat table has no place for the office's own obstacles but every row.
                (cooperation.obstacles + report.generalObstacles).map { words.naming(partnership).say($0.phrases) }
                    .joined(separator: "\n"),
                cooperation.followUp.map { AnnualReportView.followUp(of: $0, partnership: partnership, words: words) }
                    .joined(separator: "\n"),
            ].map(CellContent.init)
            if cooperation.activities.isEmpty {
                rows.append(
                    shared + Array(repeating: .empty, count: columns.count - shared.count - closing.count) + closing)
            }
            for activity in cooperation.activities {
                rows.append(
                    shared
                        + activityCells(activity, of: partnership, home: report.organization.place.name, words: words)
                        + closing)
            }
        }
        return SheetContent(
            name: words.text("report_sheet_name"),
            columns: columns.map { ColumnContent(header: words.text($0), width: Self.widths[$0] ?? 18) }, rows: rows)
    }

    /// The columns every row of a cooperation repeats: the year, the partner, the agreements, the areas.
    private static func cooperationCells(
        _ cooperation: AnnualReport.Cooperation, of report: AnnualReport, words: Words
    ) -> [CellContent] {
        let partnership = cooperation.partnership
        let partner = partnership.partner
        let agreements = cooperation.agreements.map { standing in
            let agreement = standing.agreement
            let until = agreement.validUntil.map(\.description) ?? words.text("no_end_date")
            let state =
                standing.supersededBy.map { id in
                    words.text(
                        "report_superseded_by",
                        ["id": partnership.agreements.first { $0.id == id }.map(words.agreement) ?? id])
                }
                ?? words.text(standing.inForce ? "report_in_force" : "report_not_in_force")
            return "\(words.agreement(agreement)) – \(until), \(state)"
        }
        return [.number(Double(report.period.year))]
            + [
                words.term(cooperation.category, "report-category-short"), partner.name, partner.nativeName ?? "",
                words.country(partner.country), words.term(partner.kind, "partner-kind"),
                words.term(partnership.kind, "partnership-kind"),
                cooperation.stage.map { "\(words.term($0.stage, "stage")) (\($0.date))" } ?? "",
                agreements.joined(separator: "\n"),
                cooperation.areas.map { words.term("area.\($0.area)", fallback: $0.area) }.joined(separator: "\n"),
            ].map(CellContent.init)
    }

    /// An activity's columns; a one-day (or one-month, one-year) activity's date is a date.
    private static func activityCells(_ activity: Activity, of partnership: Partnership, home: String, words: Words)
        -> [CellContent]
    {
        let partner = partnership.partner.name
        let dates: CellContent =
            activity.end.map { .text(activity.start.description + " – \($0)") } ?? .date(activity.start)
        return [dates]
            + [
                activity.title, words.term(activity.kind, "activity-kind"),
                words.host(activity.host, home: home, partner: partner),
                activity.participants.map { words.participant($0, home: home, partner: partner) }
                    .joined(separator: "\n"),
                amounts(activity.costs, side: .home, words: words),
                amounts(activity.costs, side: .partner, words: words),
                activity.results.map(words.result).joined(separator: "\n"),
            ].map(CellContent.init)
    }

    private static let widths: [String: Double] = [
        "report_csv_year": 8, "report_csv_partner": 22, "report_legal_basis": 40, "report_areas": 36,
        "report_csv_activity": 36, "field_participants": 30, "field_results": 40, "report_obstacles": 50,
        "report_follow_up": 50,
    ]

    /// Costs of one side as a spreadsheet reads numbers: no grouping, a point for decimals.
    static func amounts(_ costs: [Cost], side: Side, words: Words) -> String {
        costs.filter { $0.side == side }.map { cost in
            let amount =
                cost.amount.rounded() == cost.amount && abs(cost.amount) < 1e15
                ? String(Int64(cost.amount)) : String(cost.amount)
            return "\(amount) \(cost.kind == .money ? cost.currency : words.term(cost.kind, "cost"))"
        }.joined(separator: "\n")
    }
}
