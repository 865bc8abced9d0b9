import Foundation
import KembarCore

/// What the portfolio shows, already filtered, sorted and worded for the page's language.
struct PortfolioView {
    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Header {
        let label: String
        let href: String?
        let ariaSort: String?
        let numeric: Bool
    }

    struct Badge {
        let label: String
        let short: String
        let element: String
        let css: String
        let title: String
    }

    struct AlarmSummary {
        let href: String
        let partner: String
        let kinds: String
    }

    struct Row {
        let href: String
        let partner: String
        let nativeName: String?
        let country: String
        let kind: String
        let age: String
        let lastActivity: String
        let silence: String
        let health: String
        /// The health word and why: "critical: dormant for 4.5 years; 3 of the five elements unmet".
        let healthReason: String
        let healthClass: String
        let badges: [Badge]
        let alarmCount: String
        let alarmsHref: String
    }

    struct OrganizationGroup {
        let name: String
        let caption: String
        let count: String
        let load: String?
        let overloaded: Bool
        let rows: [Row]
        let hasRows: Bool
        let hidden: String?
        let alarms: [AlarmSummary]
        let hasAlarms: Bool
        /// The government's record as a workbook in the import template's shape.
        let workbookHref: String
        /// The import page, for those who edit the government's record.
        let importHref: String?
        /// A province's overview of its regencies and cities.
        let overviewHref: String?
    }

    let organizations: [OrganizationGroup]
    let isEmpty: Bool
    /// Set while the account reads too many governments to show and has chosen none.
    let awaitsChoice: Bool
    let headers: [Header]
    let elementHeaders: [String]
    let kinds: [Option]
    let countries: [Option]
    let elements: [Option]
    let statuses: [Option]
    let healths: [Option]
    let filtered: Bool
    let legend: [Badge]
    /// The governments to choose from, when the account reads too many to show at once.
    let governments: [GovernmentChoice.Link]
    let hasGovernments: Bool
    /// The government chosen, kept by the filters.
    let organization: String?

    /// What the account is to act on, above everything else.
    let toDo: ToDoPanel
    /// Cities the one government shown might look to as partners.
    var suggestions: PartnerSuggestionsView?

    init(
        records snapshot: RecordView, query: PortfolioQueryParameters, governments: [GovernmentChoice.Link],
        toDo: ToDoPanel, editable: Set<String>, words: Words
    ) {
        self.toDo = toDo
        self.governments = governments
        hasGovernments = !governments.isEmpty
        organization = governments.isEmpty ? nil : query.organization
        organizations = snapshot.records.map { Self.group($0, snapshot, query, editable, words) }
        let allKinds = Set(snapshot.records.flatMap { $0.partnerships.map(\.kind) })
        let allCountries = Set(snapshot.records.flatMap { $0.partnerships.map(\.partner.country) })
        awaitsChoice = !governments.isEmpty && snapshot.records.isEmpty
        isEmpty = !awaitsChoice && snapshot.records.allSatisfy { $0.partnerships.isEmpty }
        headers = Self.headers(query, words)
        elementHeaders = KeyElement.allCases.map { words.term($0, "element") }
        kinds =
            [Option(value: "", label: words.text("filter_any"), selected: query.kind == nil)]
            + Partnership.Kind.allCases.filter(allKinds.contains).map {
                Option(
                    value: $0.rawValue, label: words.term($0, "partnership-kind"), selected: query.kind == $0.rawValue)
            }
        countries =
            [Option(value: "", label: words.text("filter_any"), selected: query.country == nil)]
            + allCountries.map { ($0, words.country($0)) }.sorted { $0.1 < $1.1 }.map {
                Option(value: $0.0, label: $0.1, selected: query.country == $0.0)
            }
        elements =
            [Option(value: "", label: words.text("filter_any_element"), selected: query.element == nil)]
            + KeyElement.allCases.map {
                Option(value: $0.rawValue, label: words.term($0, "element"), selected: query.element == $0.rawValue)
            }
        statuses =
            [Option(value: "", label: words.text("filter_any"), selected: query.status == nil)]
            + ElementStatus.allCases.map {
                Option(value: $0.rawValue, label: words.term($0, "status"), selected: query.status == $0.rawValue)
            }
        healths =
            [Option(value: "", label: words.text("filter_any"), selected: query.health == nil)]
            + PartnershipHealth.allCases.map {
                Option(value: $0.rawValue, label: words.term($0, "health"), selected: query.health == $0.rawValue)
            }
        filtered = query.hasFilters
        legend = ElementStatus.allCases.map {
            Badge(
                label: words.term($0, "status"), short: words.term($0, "status-short"), element: "",
                css: "status-\($0.rawValue)",
                title: words.text("status_help_\($0.rawValue)"))
        }
    }

    /// One government's table: its rows as filtered and sorted, how many the filter hides, and
    /// the alarms of those shown.
    private static func group(
        _ record: CooperationRecord, _ snapshot: RecordView, _ query: PortfolioQueryParameters,
        _ editable: Set<String>, _ words: Words
    ) -> OrganizationGroup {
        var entries: [(row: Row, keys: SortKeys, partnership: Partnership, evaluation: PartnershipEvaluation?)] = []
        for (order, partnership) in record.partnerships.enumerated() {
            let evaluation = snapshot.evaluation(record.organization.id, partnership.id)
            guard Self.matches(partnership, evaluation, query) else { continue }
            entries.append(
                Self.row(
                    partnership, order: order, organization: record.organization, evaluation: evaluation,
                    day: snapshot.day, words: words))
        }
        entries.sort { Self.ordered($0.keys, $1.keys, by: query.sort, descending: query.descending) }
        let hidden = record.partnerships.count - entries.count
        let alarms = entries.compactMap { entry -> AlarmSummary? in
            let kinds = Self.partnershipAlarms(entry.evaluation)
            guard !kinds.isEmpty else { return nil }
            return AlarmSummary(
                href: entry.row.alarmsHref, partner: entry.partnership.partner.name,
                kinds: kinds.map { words.term($0, "alarm") }.joined(separator: ", "))
        }
        return OrganizationGroup(
            name: record.organization.name,
            caption: words.text("portfolio_caption", ["organization": record.organization.name]),
            count: words.count(record.partnerships.count), load: Self.load(record, words),
            overloaded: record.organization.cooperationsPerOfficer(recorded: record.partnerships.count).map {
                $0 > snapshot.policy.officeLoadAlarm
            } ?? false,
            rows: entries.map(\.row), hasRows: !entries.isEmpty,
            hidden: hidden > 0 ? words.text("portfolio_hidden", ["n": words.count(hidden)]) : nil,
            alarms: alarms,
            hasAlarms: !alarms.isEmpty, workbookHref: SitePath.recordWorkbook(record.organization.id),
            importHref: editable.contains(record.organization.id) ? SitePath.importList : nil,
            overviewHref: record.organization.level == .province
                ? SitePath.provinceOverview(record.organization.id) : nil)
    }

    private static func headers(_ query: PortfolioQueryParameters, _ words: Words) -> [Header] {
        let columns: [(key: String, label: String, numeric: Bool)] = [
            ("partner", "column_partner", false), ("country", "column_country", false), ("kind", "column_kind", false),
            ("age", "column_age", true), ("last", "column_last_activity", false), ("silence", "column_silence", true),
            ("health", "column_health", false),
        ]
        return columns.map { column in
            Header(
                label: words.text(column.label), href: query.sortHref(column.key),
                ariaSort: query.sort == column.key ? (query.descending ? "descending" : "ascending") : nil,
                numeric: column.numeric)
        }
    }

    struct SortKeys {
        let order: Int
        let partner: String
        let country: String
        let kind: String
        let age: Int
        let last: Int
        let silence: Int
        let health: Int
    }

    private static func matches(
        _ partnership: Partnership, _ evaluation: PartnershipEvaluation?, _ query: PortfolioQueryParameters
    ) -> Bool {
        if let kind = query.kind, partnership.kind.rawValue != kind { return false }
        if let country = query.country, partnership.partner.country != country { return false }
        if let element = query.element.flatMap(KeyElement.init(rawValue:)), let status = query.status {
            guard evaluation?.elements[element]?.status.rawValue == status else { return false }
        } else if query.element == nil, let status = query.status {
            guard evaluation?.elements.values.contains(where: { $0.status.rawValue == status }) == true else {
                return false
            }
        }
        if let health = query.health {
            guard let evaluation, PartnershipHealth(evaluation).rawValue == health else { return false }
        }
        return true
    }

    private static func row(
        _ partnership: Partnership, order: Int, organization: Organization, evaluation: PartnershipEvaluation?,
        day: CalendarDay, words: Words
    ) -> (row: Row, keys: SortKeys, partnership: Partnership, evaluation: PartnershipEvaluation?) {
        let beginning = partnership.firstRecordedDate(by: day)?.span.lowerBound
        let last = partnership.activities.filter { $0.start.span.lowerBound <= day }
            .max { ($0.start.span.upperBound, $0.id) < ($1.start.span.upperBound, $1.id) }
        let health = evaluation.map(PartnershipHealth.init) ?? .unknown
        let silence = evaluation?.currentSilenceDays
        let badges = KeyElement.allCases.map { element -> Badge in
            let verdict = evaluation?.elements[element]
            let status = verdict?.status ?? .unknown
            let score = verdict?.score.map { words.number(($0 * 100).rounded() / 100) } ?? "—"
            return Badge(
                label: words.term(status, "status"), short: words.term(status, "status-short"),
                element: words.term(element, "element"),
                css: "status-\(status.rawValue)",
                title:
                    "\(words.term(element, "element")): \(words.term(status, "status")), \(words.text("score")) \(score)"
            )
        }
        let row = Row(
            href: SitePath.partnership(organization.id, partnership.id), partner: partnership.partner.name,
            nativeName: partnership.partner.nativeName == partnership.partner.name
                ? nil : partnership.partner.nativeName,
            country: words.country(partnership.partner.country),
            kind: words.term(partnership.kind, "partnership-kind"),
            age: beginning.map { words.duration(days: day - $0) } ?? "—",
            lastActivity: last.map { words.date($0.start) } ?? "—",
            silence: silence.map { words.duration(days: $0) } ?? "—", health: words.health(evaluation).word,
            healthReason: words.health(evaluation).explained,
            healthClass: "health-\(health.rawValue)", badges: badges,
            alarmCount: words.count(evaluation?.partnershipAlarms.count ?? 0),
            alarmsHref: SitePath.partnership(organization.id, partnership.id) + "#alarms")
        let keys = SortKeys(
            order: order, partner: partnership.partner.name, country: words.country(partnership.partner.country),
            kind: words.term(partnership.kind, "partnership-kind"), age: beginning.map { day - $0 } ?? -1,
            last: last?.start.span.upperBound.ordinal ?? Int.min, silence: silence ?? -1,
            health: PartnershipHealth.allCases.firstIndex(of: health)!)
        return (row, keys, partnership, evaluation)
    }

    private static func ordered(_ lhs: SortKeys, _ rhs: SortKeys, by column: String, descending: Bool) -> Bool {
        let ascending: Bool
        switch column {
        case "partner": ascending = (lhs.partner, lhs.order) < (rhs.partner, rhs.order)
        case "country": ascending = (lhs.country, lhs.order) < (rhs.country, rhs.order)
        case "kind": ascending = (lhs.kind, lhs.order) < (rhs.kind, rhs.order)
        case "age": ascending = (lhs.age, lhs.order) < (rhs.age, rhs.order)
        case "last": ascending = (lhs.last, lhs.order) < (rhs.last, rhs.order)
        case "silence": ascending = (lhs.silence, lhs.order) < (rhs.silence, rhs.order)
        case "health": ascending = (lhs.health, lhs.order) < (rhs.health, rhs.order)
        default: ascending = lhs.order < rhs.order
        }
        return descending ? !ascending : ascending
    }

    /// The kinds of alarm of a partnership, without the office's load (shown once, above the table).
    static func partnershipAlarms(_ evaluation: PartnershipEvaluation?) -> [Alarm.Kind] {
        let kinds = Set((evaluation?.partnershipAlarms ?? []).map(\.kind))
        return Alarm.Kind.allCases.filter(kinds.contains)
    }

    private static func load(_ record: CooperationRecord, _ words: Words) -> String? {
        let recorded = record.partnerships.count
        guard let officers = record.organization.cooperationOfficers,
            let perOfficer = record.organization.cooperationsPerOfficer(recorded: recorded)
        else {
            return nil
        }
        return words.text(
            "portfolio_load",
            [
                "partnerships": words.count(record.organization.cooperationsRun(recorded: recorded)),
                "officers": words.count(officers), "per": words.number(perOfficer),
            ])
    }
}
