import Hummingbird
import KembarCore
import KembarStore

/// A partnership's printable dossier, for the home government's accounts (the partner city's
/// liaison reads the shared record on the partnership page, not the office's briefing).
struct DossierController {
    let site: Site

    func addRoutes(to table: inout RouteTable) {
        table.on(.dossier) { request, context in
            try await self.dossier(request, context)
        }
    }

    func dossier(_ request: Request, _ context: KembarRequestContext) async throws -> HTMLPage {
        let organizationID = try context.organizationID
        let partnershipID = try context.partnershipID
        return try await site.cachedPage(request, context, organizations: [organizationID]) { words in
            guard let cached = try await site.partnership(organizationID, partnershipID) else {
                return site.notFound(request, context, words: words)
            }
            let view = DossierView(
                organization: cached.organization, partnership: cached.partnership, evaluation: cached.evaluation,
                today: cached.day, policyName: cached.policy.name,
                accounts: try await site.accounts.accounts(organizationID: organizationID), words: words)
            let tools = PrintedDocument.Tools(
                href: SitePath.partnership(organizationID, partnershipID), label: words.text("dossier_back"),
                downloads: [])
            return HTMLPage(
                html: DossierPage.html(
                    view, renderer: site.renderer, words: words, style: .linked(DossierPage.styles), tools: tools))
        }
    }
}
