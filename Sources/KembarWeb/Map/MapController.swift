import Foundation
import Hummingbird
import KembarCore

/// The world map of the partners, each linked to the home city in the colour of its health.
struct MapController {
    let site: Site

    func addRoutes(to router: Router<KembarRequestContext>) {
        router.get(RouterPath(SitePath.map)) { request, context in try await self.map(request, context) }
    }

    func map(_ request: Request, _ context: KembarRequestContext) async throws -> HTMLPage {
        let reader = try context.visitor.portfolioReader()
        return try await site.cachedPage(request, context) { words in
            let snapshot = try await site.snapshot().visible(to: reader)
            let view = MapView(snapshot: snapshot, map: site.worldMap, words: words)
            return site.page(
                "map", title: words.text("map_title"), model: view, words: words, request, context, section: .map,
                attribution: true)
        }
    }
}
