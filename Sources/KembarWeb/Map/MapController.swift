import Foundation
import Hummingbird
import KembarCore

/// The world map of the partners, each linked to the home city in the colour of its health.
struct MapController {
    let site: Site

    func addRoutes(to router: Router<KembarRequestContext>) {
        router.get(RouterPath(SitePath.map)) { request, _ in try await self.map(request) }
    }

    func map(_ request: Request) async throws -> HTMLPage {
        try await site.cachedPage(request) { words in
            let snapshot = try await site.snapshot()
            let view = MapView(snapshot: snapshot, map: site.worldMap, words: words)
            return site.renderer.render(
                "map", title: words.text("map_title"), model: view, words: words, request: request, section: .map,
                attribution: true)
        }
    }
}
