import Foundation
import Hummingbird
import KembarCore

/// The world map of the partners, each linked to the home city in the colour of its health.
struct MapController {
    let site: Site

    func addRoutes(to table: inout RouteTable) {
        table.on(.map) { request, context in try await self.map(request, context) }
    }

    func map(_ request: Request, _ context: KembarRequestContext) async throws -> HTMLPage {
        let reader = try context.account
        let chosen = request.uri.queryParameters["organization"].map(String.init)
        let shown = GovernmentChoice(readable: try await site.organizationIDs(readBy: reader), chosen: chosen)
        return try await site.cachedPage(request, context, organizations: shown.dependencies) { words in
            let view = MapView(
                records: try await site.records(shown.organizationIDs), map: site.worldMap,
                governments: try await shown.links(site, words: words) {
                    SitePath.map + "?organization=" + $0.addingPercentEncodingForPath()
                }, words: words)
            return site.page(
                "map", title: words.text("map_title"), model: view, words: words, request, context, section: .map,
                attribution: true)
        }
    }
}
