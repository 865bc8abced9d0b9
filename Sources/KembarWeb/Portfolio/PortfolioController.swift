import Hummingbird
import KembarCore
import KembarStore

/// The first page: every partnership the office keeps.
struct PortfolioController {
    let database: any KembarDatabase
    let renderer: PageRenderer

    func addRoutes(to router: Router<KembarRequestContext>) {
        router.get(RouterPath(SitePath.portfolio)) { request, _ in try await self.portfolio(request) }
    }

    func portfolio(_ request: Request) async throws -> HTMLPage {
        let (language, chosenNow) = LanguageChoice.language(of: request)
        let summaries = try await PortfolioQuery.partnerships(in: database)
        let view = PortfolioView(
            summaries: summaries, format: DisplayFormat(language: language, catalog: renderer.catalog))
        let html = renderer.render(
            "portfolio", title: renderer.catalog.text("portfolio_title", language), model: view, language: language,
            path: SitePath.portfolio, attribution: !summaries.isEmpty)
        return HTMLPage(html: html, headers: chosenNow ? LanguageChoice.rememberingHeaders(language) : [:])
    }
}
