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
        let organizations = try await site.organizations()
        var covered = organizations
        if let province {
            guard organizations.first(where: { $0.id == province })?.level == .province else {
                throw AccessDenied.notFound
            }
            covered = organizations.filter { $0.id == province || $0.parent == province }
        }
        let query = OverviewQuery(request.uri.queryParameters)
        let view = try await site.records(covered.map(\.id))
        let summaries = view.records.map {
            GovernmentSummary(record: $0, evaluations: view.evaluations[$0.organization.id] ?? [:], today: view.day)
        }
        let model = OverviewView(
            summaries: summaries, countries: CountrySummary.summarize(view.records, evaluations: view.evaluations),
            organizations: organizations, province: province, query: query, words: words)
        let name = province.map { "ikhtisar-\($0)" } ?? "ikhtisar-nasional"
        switch query.format {
        case "csv":
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8; header=present",
                    .contentDisposition: DocumentsController.attachment(name + ".csv"),
                ],
                body: .init(byteBuffer: ByteBuffer(string: model.sheet(words).csv)))
        case "xlsx":
            return SpreadsheetResponse.attachment(
                XLSXWriter.bytes(WorkbookContent(sheets: [model.sheet(words).content])), name: name + ".xlsx")
        default:
            return try site.page(
                "overview", title: model.title, model: model, words: words, request, context,
                section: province == nil ? .national : nil
            ).response(from: request, context: context)
        }
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
