import KembarCore

/// Writes the reports outside the site (`kembar report`), in the same words and layout.
public struct ReportWriter: Sendable {
    let renderer: PageRenderer

    public static func bundled() async throws -> ReportWriter {
        ReportWriter(renderer: try await PageRenderer.bundled())
    }

    /// The yearly report to the Ministry as one self-contained HTML file, in Indonesian.
    public func annualHTML(_ report: AnnualReport) -> String {
        AnnualReportPage.html(report, renderer: renderer, style: .embedded)
    }

    /// The yearly report as CSV, in Indonesian.
    public func annualCSV(_ report: AnnualReport) -> String {
        AnnualReportCSV.table(report, words: renderer.words(.indonesian)).text
    }
}

/// The yearly report's document.
enum AnnualReportPage {
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
