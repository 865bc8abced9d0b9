import KembarCore

/// The national (or a province's) yearly compilation as a document: the totals of each province,
/// then each government's totals with a link to its own yearly report; the spreadsheet forms
/// carry every row of every report.
struct CompilationView {
    struct Line {
        let name: String
        let href: String?
        let governments: String
        let ksdpl: String
        let ksdll: String
        let activities: String
        let silent: String
    }

    struct Group {
        let name: String
        let lines: [Line]
    }

    let title: String
    let issuer: String
    let asOf: String
    let provinces: [Line]
    let groups: [Group]
    let generated: String

    init(_ compilation: NationalCompilation, issuer: String, words: Words, linkReports: Bool) {
        let year = compilation.period.year
        title = words.text("compilation_title", ["year": String(year)])
        self.issuer = issuer
        asOf = words.text("report_as_of", ["date": words.day(compilation.period.asOf)])
        func name(_ province: NationalCompilation.Province) -> String {
            province.organization?.name ?? words.text("overview_no_province")
        }
        provinces = compilation.provinces.map { province in
            Line(
                name: name(province), href: nil, governments: words.count(province.reports.count),
                ksdpl: words.count(province.ksdpl), ksdll: words.count(province.ksdll),
                activities: words.count(province.activities), silent: words.count(province.silent))
        }
        groups = compilation.provinces.map { province in
            Group(
                name: name(province),
                lines: province.reports.map { report in
                    Line(
                        name: report.organization.name,
                        href: linkReports
                            ? SitePath.annualReport(report.organization.id, year: year, format: "html") : nil,
                        governments: "", ksdpl: words.count(report.cooperations(.ksdpl).count),
                        ksdll: words.count(report.cooperations(.ksdll).count),
                        activities: words.count(report.activityCount),
                        silent: words.count(report.cooperations.count { $0.activities.isEmpty }))
                })
        }
        generated = words.text("compilation_generated")
    }

    /// Every row of every government's yearly report, with its province and government first.
    static func sheet(_ compilation: NationalCompilation, words: Words) -> SheetContent {
        var rows: [[CellContent]] = []
        var columns: [ColumnContent] = []
        for province in compilation.provinces {
            for report in province.reports {
                let sheet = AnnualReportTable.sheet(report, words: words)
                columns = sheet.columns
                let prefix: [CellContent] = [
                    CellContent(province.organization?.name), .text(report.organization.name),
                ]
                rows += sheet.rows.map { prefix + $0 }
            }
        }
        if columns.isEmpty {
            columns = AnnualReportTable.columns.map { ColumnContent(header: words.text($0)) }
        }
        return SheetContent(
            name: words.text("report_sheet_name"),
            columns: [
                ColumnContent(header: words.text("overview_column_province"), width: 24),
                ColumnContent(header: words.text("overview_column_government"), width: 28),
            ] + columns, rows: rows)
    }
}
