import Hummingbird
import KembarCore
import KembarStore

/// The first page: every partnership the office keeps, with its health at a glance.
struct PortfolioController {
    let site: Site

    func addRoutes(to table: inout RouteTable) {
        table.on(.portfolio) { request, context in try await self.portfolio(request, context) }
    }

    /// The portfolio for those who read it; the public goes to the portal, and a partner city's
    /// liaison to its own partnership.
    func portfolio(_ request: Request, _ context: KembarRequestContext) async throws -> Response {
        guard let account = context.visitor.account else {
            return Response(status: .seeOther, headers: [.location: SitePath.publicHome])
        }
        if account.role == .partner, let organizationID = account.organizationID,
            let partnershipID = account.partnershipID
        {
            return Response(
                status: .seeOther, headers: [.location: SitePath.partnership(organizationID, partnershipID)])
        }
        let reader = try context.visitor.portfolioReader()
        let query = PortfolioQueryParameters(request.uri.queryParameters)
        let readable = try await site.organizationIDs(readBy: reader)
        let shown = GovernmentChoice(readable: readable, chosen: query.organization)
        let since = try await site.portfolioVisits.previous(
            accountID: reader.id, on: site.today(), accounts: site.accounts)
        return try await site.cachedPage(request, context, organizations: shown.dependencies) { words in
            let records = try await site.records(shown.organizationIDs)
            var proposals: [String: [String: Int]] = [:]
            var entries: [String: [String: Int]] = [:]
            for organizationID in shown.organizationIDs where reader.canEdit(organizationID: organizationID) {
                proposals[organizationID] = try await site.proposals.pendingByPartnership(
                    organizationID: organizationID)
                entries[organizationID] = try await site.submissions.pendingByPartnership(
                    organizationID: organizationID)
            }
            var view = PortfolioView(
                records: records, query: query,
                governments: try await shown.links(site, words: words, href: query.organizationHref),
                toDo: ToDoPanel(records: records, proposals: proposals, entries: entries, since: since, words: words),
                editable: Set(shown.organizationIDs.filter { reader.canEdit(organizationID: $0) }), words: words)
            if records.records.count == 1, let record = records.records.first, !query.hasFilters {
                view.suggestions = try await PartnerSuggestionsView.load(record, site: site, words: words)
            }
            return site.page(
                "portfolio", title: words.text("portfolio_title"), model: view, words: words, request, context,
                section: .portfolio, attribution: !view.isEmpty)
        }.response(from: request, context: context)
    }
}

/// The filters and order asked for in the address.
struct PortfolioQueryParameters: Sendable {
    /// The one government shown to an account that reads several.
    var organization: String?
    var kind: String?
    var country: String?
    var element: String?
    var status: String?
    var health: String?
    var sort: String
    var descending: Bool

    init(_ parameters: Parameters) {
        func value(_ key: String) -> String? {
            parameters[Substring(key)].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        }
        organization = value("organization")
        kind = value("kind")
        country = value("country")
        element = value("element")
        status = value("status")
        health = value("health")
        sort = value("sort") ?? "order"
        descending = value("dir") == "desc"
    }

    var hasFilters: Bool { kind != nil || country != nil || (element != nil && status != nil) || health != nil }

    /// The address of the same view sorted by `column`, toggling the direction when it already is.
    func sortHref(_ column: String) -> String {
        var items: [String] = []
        for (key, value) in [
            ("organization", organization), ("kind", kind), ("country", country), ("element", element),
            ("status", status), ("health", health),
        ] {
            if let value { items.append("\(key)=\(value.addingPercentEncodingForPath())") }
        }
        items.append("sort=\(column)")
        if column == sort, !descending { items.append("dir=desc") }
        return SitePath.portfolio + "?" + items.joined(separator: "&")
    }

    /// The portfolio of one government, with no filters.
    func organizationHref(_ organizationID: String) -> String {
        SitePath.portfolio + "?organization=" + organizationID.addingPercentEncodingForPath()
    }
}
