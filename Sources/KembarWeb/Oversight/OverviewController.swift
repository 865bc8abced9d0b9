import Hummingbird
import KembarCore
import KembarDocuments

/// What the ministry and a province read above the offices: every government they oversee,
/// summed (`/national` for the deployment's accounts, `/provinces/ID` for a province's), with the
/// partner countries, as a page, CSV or XLSX.
struct OverviewController {
    let site: Site

    func addRoutes(to table: inout RouteTable) {
        table.on(.national) { request, context in try await overview(request, context, province: nil) }
        table.on(.provinceOverview) { request, context in
            try await overview(request, context, province: try context.organizationID)
        }
    }

    private func overview(_ request: Request, _ context: KembarRequestContext, province: String?) async throws
        -> Response
    {
        let words = context.words
        let (covered, organizations) = try await site.oversight(province: province)
        let query = OverviewQuery(request.uri.queryParameters)
        guard query.format == "csv" || query.format == "xlsx" else {
            // The page is kept until a government it sums changes (or the day turns).
            return try await site.cachedPage(request, context, organizations: Set(covered.map(\.id))) { words in
                let model = try await self.model(covered, organizations, province: province, query: query, words: words)
                return site.page(
                    "overview", title: model.title, model: model, words: words, request, context,
                    section: province == nil ? .national : nil)
            }.response(from: request, context: context)
        }
        let model = try await self.model(covered, organizations, province: province, query: query, words: words)
        return SpreadsheetResponse.download(
            model.sheet(words), format: query.format,
            name: province.map { "ikhtisar-\($0)" } ?? "ikhtisar-nasional")
    }

    /// The governments covered, summed from their records and evaluations.
    private func model(
        _ covered: [Organization], _ organizations: [Organization], province: String?, query: OverviewQuery,
        words: Words
    ) async throws -> OverviewView {
        let (summaries, countries) = try await site.governmentSummaries.summaries(
            of: covered.map(\.id), site: site)
        return OverviewView(
            summaries: summaries, countries: countries,
            organizations: organizations, province: province, query: query, world: site.worldMap, words: words)
    }
}

/// The filters and order of an overview, from its address.
struct OverviewQuery: Sendable {
    var province: String?
    var level: Organization.Level?
    var sort: String
    var format: String

    init(_ parameters: Parameters) {
        func value(_ key: String) -> String? {
            parameters[Substring(key)].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        }
        province = value("province")
        level = value("level").flatMap(Organization.Level.init(rawValue:))
        sort = value("sort") ?? "name"
        format = value("format") ?? "html"
    }
}
