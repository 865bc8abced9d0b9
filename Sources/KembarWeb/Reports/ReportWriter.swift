import KembarCore
import KembarDocuments

/// Writes the reports outside the site (`kembar report`), in the same words and layout.
public struct ReportWriter: Sendable {
    let renderer: PageRenderer

    public static func bundled() async throws -> ReportWriter {
        ReportWriter(renderer: try await PageRenderer.bundled())
    }

    /// The yearly report to the Ministry as one self-contained HTML file, in Indonesian.
    public func annualHTML(_ report: AnnualReport) -> String {
        AnnualReportPage.html(report, renderer: renderer, style: .embedded(AnnualReportPage.styles))
    }

    /// A partnership's dossier as one self-contained HTML file, in `language` ("id" or "en").
    /// `accounts` are the government's accounts, for the contacts (none when read from a file).
    /// Nil when the record holds no such partnership.
    public func dossierHTML(
        record: CooperationRecord, partnershipID: String, today: CalendarDay, policy: EvaluationPolicy,
        accounts: [Account], language: String
    ) -> String? {
        guard let partnership = record.partnerships.first(where: { $0.id == partnershipID }) else { return nil }
        let words = renderer.words(Language(rawValue: language) ?? .indonesian)
        let view = DossierView(
            organization: record.organization, partnership: partnership,
            evaluation: Evaluator.evaluate(partnership, of: record, asOf: today, policy: policy), today: today,
            policyName: policy.name, accounts: accounts, words: words)
        return DossierPage.html(view, renderer: renderer, words: words, style: .embedded(DossierPage.styles))
    }

    /// The yearly report as CSV, in Indonesian.
    public func annualCSV(_ report: AnnualReport) -> String {
        AnnualReportTable.table(report, words: renderer.words(.indonesian)).text
    }

    /// The compilation of many governments' yearly reports, in Indonesian: a self-contained HTML
    /// document of the totals, or every row as CSV or XLSX.
    public func compilationHTML(_ compilation: NationalCompilation, issuer: String) -> String {
        let words = renderer.words(.indonesian)
        let view = CompilationView(compilation, issuer: issuer, words: words, linkReports: false)
        return PrintedDocument.render(
            "compilation", title: view.title, model: view, words: words, renderer: renderer,
            style: .embedded(AnnualReportPage.styles), tools: nil)
    }

    public func compilationCSV(_ compilation: NationalCompilation) -> String {
        CSVTable(CompilationView.sheet(compilation, words: renderer.words(.indonesian))).text
    }

    public func compilationXLSX(_ compilation: NationalCompilation) -> [UInt8] {
        XLSXWriter.bytes(
            WorkbookContent(sheets: [CompilationView.sheet(compilation, words: renderer.words(.indonesian))]))
    }

    /// The yearly report as an XLSX workbook of one sheet, in Indonesian.
    public func annualXLSX(_ report: AnnualReport) -> [UInt8] {
        XLSXWriter.bytes(WorkbookContent(sheets: [AnnualReportTable.sheet(report, words: renderer.words(.indonesian))]))
    }
}

/// The yearly report's document.
enum AnnualReportPage {
    static let styles = ["report.css"]

    static func html(
        _ report: AnnualReport, renderer: PageRenderer, style: PrintedDocument.Style,
        tools: PrintedDocument.Tools? = nil
    ) -> String {
        let words = renderer.words(.indonesian)
        let view = AnnualReportView(report, words: words)
        return PrintedDocument.render(
            "annual-report", title: "\(view.title) · \(view.organizationName)", model: view, words: words,
            renderer: renderer, style: style, tools: tools)
    }
}

/// A partnership's dossier as a document.
enum DossierPage {
    /// The site's own style (the scorecard, charts and record as on the partnership page), then
    /// the printed documents'.
    static let styles = ["kembar.css", "report.css"]

    static func html(
        _ view: DossierView, renderer: PageRenderer, words: Words, style: PrintedDocument.Style,
        tools: PrintedDocument.Tools? = nil
    ) -> String {
        PrintedDocument.render(
            "dossier", title: view.title, model: view, words: words, renderer: renderer, style: style, tools: tools)
    }
}
