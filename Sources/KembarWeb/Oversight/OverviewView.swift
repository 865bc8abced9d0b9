import KembarCore

/// The overview's page: governments grouped by province (filterable by province and level,
/// sortable), the five elements as counts of partnerships per status, and the partner countries.
struct OverviewView {
    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Count {
        let value: String
        let label: String
        let css: String
    }

    struct ElementCell {
        let header: String
        let counts: [Count]
    }

    struct Row {
        let name: String
        let href: String
        let level: String
        let partnerships: String
        let elements: [ElementCell]
        let dormant: String
        let missed: String
        let expiring: String
        let load: String
        let latest: String
    }

    struct Group {
        let name: String
        let href: String?
        let rows: [Row]
        let totals: String
    }

    struct CountryRow {
        let country: String
        let partnerships: String
        let dormant: String
    }

    let title: String
    let intro: String
    let action: String
    let provinces: [Option]
    let hasProvinces: Bool
    let levels: [Option]
    let sorts: [Option]
    let groups: [Group]
    let isEmpty: Bool
    let elementHeaders: [String]
    /// What each colour of count means, in the order the cells give them.
    let legend: [Count]
    let countries: [CountryRow]
    let csvHref: String
    let xlsxHref: String
    let shownSummaries: [GovernmentSummary]
    let map: OversightMapView

    init(
        summaries: [GovernmentSummary], countries: [CountrySummary], organizations: [Organization], province: String?,
        query: OverviewQuery, world: WorldMap, words: Words
    ) {
        let names = Dictionary(organizations.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        title =
            province.map { words.text("overview_province_title", ["name": names[$0] ?? $0]) }
            ?? words.text("overview_national_title")
        intro = words.text("overview_intro")
        action = province.map(SitePath.provinceOverview) ?? SitePath.national
        let provinceIDs = organizations.filter { $0.level == .province }.map(\.id)
        provinces =
            province != nil
            ? []
            : [Option(value: "", label: words.text("overview_any_province"), selected: query.province == nil)]
                + provinceIDs.map { Option(value: $0, label: names[$0] ?? $0, selected: $0 == query.province) }
        hasProvinces = !provinces.isEmpty
        levels =
            [Option(value: "", label: words.text("overview_any_level"), selected: query.level == nil)]
            + Organization.Level.allCases.map {
                Option(value: $0.rawValue, label: words.term($0, "level"), selected: $0 == query.level)
            }
        sorts = OverviewView.sortKeys.map {
            Option(value: $0, label: words.text("overview_sort_\($0)"), selected: $0 == query.sort)
        }
        let filtered = summaries.filter { summary in
            (query.level == nil || summary.organization.level == query.level)
                && (query.province == nil || summary.organization.id == query.province
                    || summary.organization.parent == query.province)
        }
        shownSummaries = Self.sorted(filtered, by: query.sort)
        elementHeaders = KeyElement.allCases.map { words.term($0, "element") }
        legend = ElementStatus.allCases.map {
            Count(value: words.term($0, "status"), label: words.term($0, "status"), css: "status-\($0.rawValue)")
        }
        groups = Self.groups(shownSummaries, names: names, words: words)
        map = OversightMapView(OversightMap(shownSummaries), world: world, words: words)
        isEmpty = shownSummaries.isEmpty
        self.countries = countries.map {
            CountryRow(
                country: words.country($0.country), partnerships: words.count($0.partnerships),
                dormant: words.text(
                    "overview_dormant_share",
                    ["n": words.count($0.dormant), "share": words.percent($0.dormantShare)]))
        }
        let base =
            action + "?"
            + [
                query.province.map { "province=" + $0.addingPercentEncodingForPath() },
                query.level.map { "level=" + $0.rawValue },
            ]
            .compactMap { $0 }.map { $0 + "&" }.joined()
        csvHref = base + "format=csv"
        xlsxHref = base + "format=xlsx"
    }

    static let sortKeys = ["name", "partnerships", "dormant", "missed", "expiring", "load", "latest"]

    private static func sorted(_ summaries: [GovernmentSummary], by key: String) -> [GovernmentSummary] {
        func number(_ summary: GovernmentSummary) -> Double {
            switch key {
            case "partnerships": Double(summary.partnerships)
            case "dormant": Double(summary.dormant)
            case "missed": Double(summary.obligationsMissedThisYear)
            case "expiring": Double(summary.agreementsExpiring)
            case "load": summary.perOfficer ?? -1
            case "latest": Double(summary.latestActivityYear ?? 0)
            default: 0
            }
        }
        return summaries.sorted {
            key == "name" || number($0) == number($1)
                ? $0.organization.name < $1.organization.name : number($0) > number($1)
        }
    }

    /// The governments under their provinces, in the order asked for; those of no province last.
    private static func groups(_ summaries: [GovernmentSummary], names: [String: String], words: Words) -> [Group] {
        var order: [String] = []
        var members: [String: [GovernmentSummary]] = [:]
        for summary in summaries {
            let key =
                summary.organization.level == .province ? summary.organization.id : summary.organization.parent ?? ""
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(summary)
        }
        order.sort { ($0.isEmpty ? 1 : 0, names[$0] ?? $0) < ($1.isEmpty ? 1 : 0, names[$1] ?? $1) }
        return order.map { key in
            let rows = members[key] ?? []
            return Group(
                name: key.isEmpty ? words.text("overview_no_province") : names[key] ?? key,
                href: key.isEmpty ? nil : SitePath.provinceOverview(key),
                rows: rows.map { row($0, words) },
                totals: words.text(
                    "overview_group_totals",
                    [
                        "governments": words.count(rows.count),
                        "partnerships": words.count(rows.reduce(0) { $0 + $1.partnerships }),
                    ]))
        }
    }

    private static func row(_ summary: GovernmentSummary, _ words: Words) -> Row {
        Row(
            name: summary.organization.name,
            href: SitePath.portfolio + "?organization=" + summary.organization.id.addingPercentEncodingForPath(),
            level: summary.organization.level.map { words.term($0, "level") } ?? "",
            partnerships: words.count(summary.partnerships),
            elements: KeyElement.allCases.map { element in
                ElementCell(
                    header: words.term(element, "element"),
                    counts: ElementStatus.allCases.map { status in
                        Count(
                            value: words.count(summary.elements[element]?[status] ?? 0),
                            label: words.term(status, "status"), css: "status-\(status.rawValue)")
                    })
            },
            dormant: words.count(summary.dormant), missed: words.count(summary.obligationsMissedThisYear),
            expiring: words.count(summary.agreementsExpiring), load: summary.perOfficer.map(words.number) ?? "",
            latest: summary.latestActivityYear.map(String.init) ?? words.text("overview_no_activity"))
    }
}
