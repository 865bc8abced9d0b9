import KembarCore

/// The reports page: which government, which year, which format.
struct ReportsView {
    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Government {
        let name: String
        let years: [Year]
    }

    struct Year {
        let year: String
        let htmlHref: String
        let csvHref: String
        let xlsxHref: String
    }

    let intro: String
    let error: String?
    /// Offered as a choice only when the account reads several governments.
    let organizations: [Option]
    let singleOrganization: String?
    let years: [Option]
    let formats: [Option]
    let governments: [Government]
    /// The compilations of the governments below the account (the nation's, or its province's).
    var compilations: [Year] = [] {
        didSet { hasCompilations = !compilations.isEmpty }
    }
    private(set) var hasCompilations = false
    let action = SitePath.annualReportChoice

    /// A government that may be reported on, and the first year its record is dated in (nil
    /// when not looked up: the last ``listedYears`` years are listed).
    struct Reportable: Sendable {
        let organization: Organization
        let firstYear: Int?
    }

    init(
        governments reportable: [Reportable], today: CalendarDay, words: Words, error: String?,
        chosen: (organization: String, year: String, format: String)?
    ) {
        let thisYear = today.components.year
        intro = words.text("reports_intro")
        self.error = error
        let sorted = reportable.sorted { $0.organization.name < $1.organization.name }
        organizations = sorted.map {
            Option(
                value: $0.organization.id, label: $0.organization.name,
                selected: $0.organization.id == chosen?.organization)
        }
        singleOrganization = sorted.count == 1 ? sorted[0].organization.id : nil
        let first = sorted.map { $0.firstYear ?? thisYear - Self.listedYears + 1 }.min() ?? thisYear
        let chosenYear = chosen?.year ?? String(thisYear - 1 >= first ? thisYear - 1 : thisYear)
        years = (min(first, thisYear)...thisYear).reversed().map {
            Option(value: String($0), label: String($0), selected: String($0) == chosenYear)
        }
        formats = [("html", "reports_format_html"), ("csv", "reports_format_csv"), ("xlsx", "reports_format_xlsx")].map
        {
            Option(value: $0.0, label: words.text($0.1), selected: $0.0 == (chosen?.format ?? "html"))
        }
        governments = sorted.map { government in
            let id = government.organization.id
            let start = government.firstYear ?? thisYear - Self.listedYears + 1
            return Government(
                name: government.organization.name,
                years: (max(min(start, thisYear), thisYear - Self.listedYears + 1)...thisYear).reversed().map { year in
                    Year(
                        year: String(year), htmlHref: SitePath.annualReport(id, year: year, format: "html"),
                        csvHref: SitePath.annualReport(id, year: year, format: "csv"),
                        xlsxHref: SitePath.annualReport(id, year: year, format: "xlsx"))
                })
        }
    }

    /// The years listed as links; older ones are chosen in the form.
    static let listedYears = 10

    /// The first year anything of the government's record is dated in.
    static func firstYear(_ record: CooperationRecord) -> Int? {
        record.partnerships.flatMap(\.recordedDates).map { $0.span.lowerBound.components.year }.min()
    }
}
