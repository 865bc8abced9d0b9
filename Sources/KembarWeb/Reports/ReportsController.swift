import Foundation
import Hummingbird
import KembarCore
import KembarDocuments

/// The reports the office owes: the yearly report to the Ministry of Home Affairs, for any
/// year, as a printable page and as CSV. Read by the government's own accounts, not by a
/// partner city's liaison or the public.
struct ReportsController {
    let site: Site

    func addRoutes(to table: inout RouteTable) {
        table.on(.reports) { request, context in try await self.index(request, context) }
        table.on(.annualReportChoice) { request, context in
            try await self.choose(request, context)
        }
        table.on(.annualReportHTML) { request, context in
            try await self.annualHTML(request, context)
        }
        table.on(.annualReportCSV) { request, context in
            try await self.annualCSV(request, context)
        }
        table.on(.annualReportXLSX) { request, context in
            try await self.annualXLSX(request, context)
        }
    }

    /// The reports page: a form that picks government, year and format, and each government's
    /// years as links.
    func index(_ request: Request, _ context: KembarRequestContext) async throws -> HTMLPage {
        let reader = try context.account
        let readable = try await site.organizationIDs(readBy: reader)
        let dependencies = readable.count > GovernmentChoice.shownTogether ? nil : Set(readable)
        let compiled: String?? =
            reader.organizationID == nil
            ? .some(nil)
            : try await site.organizations().first { $0.id == reader.organizationID && $0.level == .province }.map {
                $0.id
            }
        return try await site.cachedPage(request, context, organizations: dependencies) { words in
            var view = ReportsView(
                governments: try await reportable(readable), today: site.today(), words: words, error: nil,
                chosen: nil)
            if let province = compiled {
                let thisYear = site.today().components.year
                view.compilations = ((thisYear - 4)...thisYear).reversed().map { year in
                    ReportsView.Year(
                        year: String(year), htmlHref: SitePath.compilation(province: province, year: year),
                        csvHref: SitePath.compilation(province: province, year: year, format: "csv"),
                        xlsxHref: SitePath.compilation(province: province, year: year, format: "xlsx"))
                }
            }
            return site.page(
                "reports", title: words.text("reports_title"), model: view, words: words, request, context,
                section: .reports)
        }
    }

    /// The form's answer: the chosen report's address, or the form again with what was wrong.
    func choose(_ request: Request, _ context: KembarRequestContext) async throws -> Response {
        let reader = try context.account
        let words = context.words
        let query = request.uri.queryParameters
        let governments = try await reportable(try await site.organizationIDs(readBy: reader))
        let organization = query["organization"].map(String.init) ?? governments.first?.organization.id ?? ""
        let yearText = query["year"].map(String.init) ?? ""
        let format = query["format"].map(String.init) ?? "html"
        var error: String?
        if !governments.contains(where: { $0.organization.id == organization }) {
            error = words.text("reports_error_organization")
        } else if Int(yearText).flatMap({ ReportPeriod(year: $0, today: site.today()) }) == nil {
            error = words.text("reports_error_year", ["year": String(site.today().components.year)])
        } else if !["html", "csv", "xlsx"].contains(format) {
            error = words.text("reports_error_format")
        }
        guard let error else {
            return Response(
                status: .seeOther,
                headers: [.location: SitePath.annualReport(organization, year: Int(yearText)!, format: format)])
        }
        let view = ReportsView(
            governments: governments, today: site.today(), words: words, error: error,
            chosen: (organization, yearText, format))
        return try site.page(
            "reports", title: words.text("reports_title"), model: view, words: words, request, context,
            section: .reports, status: .badRequest
        ).response(from: request, context: context)
    }

    func annualHTML(_ request: Request, _ context: KembarRequestContext) async throws -> HTMLPage {
        let (organizationID, year) = try reportTarget(context)
        return try await site.cachedPage(request, context, organizations: [organizationID]) { words in
            guard let report = try await report(organizationID, year) else {
                return site.notFound(request, context, words: words)
            }
            let tools = PrintedDocument.Tools(
                href: SitePath.reports, label: words.text("reports_back"),
                downloads: [
                    .init(
                        href: SitePath.annualReport(organizationID, year: year, format: "csv"),
                        label: words.text("reports_download_csv"), download: true),
                    .init(
                        href: SitePath.annualReport(organizationID, year: year, format: "xlsx"),
                        label: words.text("reports_download_xlsx"), download: true),
                ])
            return HTMLPage(
                html: AnnualReportPage.html(
                    report, renderer: site.renderer, style: .linked(AnnualReportPage.styles), tools: tools))
        }
    }

    func annualCSV(_ request: Request, _ context: KembarRequestContext) async throws -> Response {
        try await annualTable(context, format: "csv")
    }

    func annualXLSX(_ request: Request, _ context: KembarRequestContext) async throws -> Response {
        try await annualTable(context, format: "xlsx")
    }

    /// The yearly report as one table, in Indonesian, as the Ministry reads it.
    private func annualTable(_ context: KembarRequestContext, format: String) async throws -> Response {
        let (organizationID, year) = try reportTarget(context)
        guard let report = try await report(organizationID, year) else { throw AccessDenied.notFound }
        return SpreadsheetResponse.download(
            AnnualReportTable.sheet(report, words: site.renderer.words(.indonesian)), format: format,
            name: "laporan-ksdpl-ksdll-\(organizationID)-\(year)")
    }

    /// The government and year a report's address names, for an account that reads them.
    private func reportTarget(_ context: KembarRequestContext) throws -> (String, Int) {
        let organizationID = try context.organizationID
        let reader = try context.account
        guard reader.covers(organizationID), let year = Int(try context.parameters.require("year")) else {
            throw AccessDenied.notFound
        }
        return (organizationID, year)
    }

    private func report(_ organizationID: String, _ year: Int) async throws -> AnnualReport? {
        guard let (record, view) = try await site.record(organizationID),
            let period = ReportPeriod(year: year, today: view.day)
        else { return nil }
        return AnnualReport(record: record, period: period, policy: view.policy)
    }

    /// The governments `organizationIDs` names, each with the first year of its record while
    /// they are few enough to read whole.
    private func reportable(_ organizationIDs: [String]) async throws -> [ReportsView.Reportable] {
        if organizationIDs.count > GovernmentChoice.shownTogether {
            let wanted = Set(organizationIDs)
            return try await site.organizations().filter { wanted.contains($0.id) }.map {
                ReportsView.Reportable(organization: $0, firstYear: nil)
            }
        }
        return try await site.records(organizationIDs).records.map {
            ReportsView.Reportable(organization: $0.organization, firstYear: ReportsView.firstYear($0))
        }
    }
}
