import Foundation
import KembarCore
import KembarStore

/// What the portfolio page shows, already formatted for the page's language.
struct PortfolioView {
    struct Row {
        let partner: String
        let nativeName: String?
        let country: String
        let countryCode: String
        let kind: String
        let activityCount: String
        let lastActivity: String?
    }

    struct OrganizationGroup {
        let name: String
        let caption: String
        let count: String
        let rows: [Row]
    }

    let organizations: [OrganizationGroup]
    let isEmpty: Bool

    init(summaries: [PartnershipSummary], format: DisplayFormat) {
        var groups: [OrganizationGroup] = []
        var index: [String: Int] = [:]
        var rowsByOrganization: [[Row]] = []
        var names: [String] = []
        for summary in summaries {
            let row = Row(
                partner: summary.partnerName,
                nativeName: summary.partnerNativeName == summary.partnerName ? nil : summary.partnerNativeName,
                country: format.country(summary.partnerCountry), countryCode: summary.partnerCountry,
                kind: format.catalog.text("partnership_kind_\(summary.kind.rawValue)", format.language),
                activityCount: format.number(summary.activityCount),
                lastActivity: summary.lastActivity.map(format.date))
            if let position = index[summary.organizationID] {
                rowsByOrganization[position].append(row)
            } else {
                index[summary.organizationID] = rowsByOrganization.count
                rowsByOrganization.append([row])
                names.append(summary.organizationName)
            }
        }
        for (name, rows) in zip(names, rowsByOrganization) {
            let caption = format.catalog.text("portfolio_caption", format.language)
                .replacingOccurrences(of: "{organization}", with: name)
            groups.append(OrganizationGroup(name: name, caption: caption, count: format.number(rows.count), rows: rows))
        }
        organizations = groups
        isEmpty = summaries.isEmpty
    }
}
