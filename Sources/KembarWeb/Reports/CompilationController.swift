import Hummingbird
import KembarCore
import KembarDocuments

/// The yearly compilation the ministry (or a province) receives: every government's KSDPL and
/// KSDLL of a year, summed by province, then per government; as a document, CSV or XLSX.
struct CompilationController {
    let site: Site

    func addRoutes(to table: inout RouteTable) {
        table.on(.nationalCompilation) { request, context in try await compilation(request, context, province: nil) }
        table.on(.provinceCompilation) { request, context in
            try await compilation(request, context, province: try context.organizationID)
        }
    }

    private func compilation(_ request: Request, _ context: KembarRequestContext, province: String?) async throws
        -> Response
    {
        guard let year = Int(try context.parameters.require("year")) else { throw AccessDenied.notFound }
        let (covered, organizations) = try await site.oversight(province: province)
        let view = try await site.records(covered.map(\.id))
        guard let period = ReportPeriod(year: year, today: view.day) else { throw AccessDenied.notFound }
        let compilation = NationalCompilation(records: view.records, period: period, policy: view.policy)
        let words = site.renderer.words(.indonesian)
        let name = "kompilasi-ksdpl-ksdll-\(province ?? "nasional")-\(year)"
        switch request.uri.queryParameters["format"].map(String.init) {
        case let format? where format == "csv" || format == "xlsx":
            return SpreadsheetResponse.download(
                CompilationView.sheet(compilation, words: words), format: format, name: name)
        default:
            let issuer =
                province.flatMap { id in organizations.first { $0.id == id }?.name } ?? words.text("nav_national")
            let model = CompilationView(compilation, issuer: issuer, words: words, linkReports: true)
            let tools = PrintedDocument.Tools(
                href: SitePath.reports, label: words.text("reports_back"),
                downloads: ["csv", "xlsx"].map { format in
                    .init(
                        href: SitePath.compilation(province: province, year: year, format: format),
                        label: words.text("reports_download_\(format)"), download: true)
                })
            let html = PrintedDocument.render(
                "compilation", title: model.title, model: model, words: words, renderer: site.renderer,
                style: .linked(AnnualReportPage.styles), tools: tools)
            return try HTMLPage(html: html).response(from: request, context: context)
        }
    }
}
