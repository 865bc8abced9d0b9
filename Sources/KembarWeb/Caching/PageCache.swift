import Hummingbird

/// Rendered pages kept until what they show changes: a page of a government is dropped when
/// that government's data changes (or the deployment's, or the day), and stays while other
/// governments write. Kept within a budget of bytes, least recently used first out, each with
/// its gzipped bytes made once.
actor PageCache {
    private struct Kept {
        let page: HTMLPage
        /// The data revision known when the page began to render.
        let revision: Int
        let day: Int
        /// The governments whose data the page shows; nil for every government.
        let organizations: Set<String>?
    }

    private var pages: LeastRecentlyUsed<String, Kept>
    private let watch: RevisionWatch

    init(watch: RevisionWatch, budget: Int) {
        self.watch = watch
        pages = LeastRecentlyUsed(budget: budget)
    }

    /// The page kept for `key` while still current; else `render`'s, kept when what it read was
    /// all current (not yesterday's evaluations served while today's are computed).
    func page(
        _ key: String, organizations: Set<String>?, revision: Int, day: Int,
        render: @Sendable () async throws -> (page: HTMLPage, current: Bool)
    ) async rethrows -> HTMLPage {
        if let kept = pages.value(key), kept.day == day,
            !watch.anythingChanged(in: kept.organizations, after: kept.revision)
        {
            return kept.page
        }
        let (page, current) = try await Self.rendered(render)
        guard current else { return page }
        pages.insert(
            Kept(page: page, revision: revision, day: day, organizations: organizations), for: key,
            cost: page.body.readableBytes + (page.gzipped?.readableBytes ?? 0) + key.utf8.count + 256)
        return page
    }

    /// Renders, and compresses a page that will be kept, away from the actor: other requests
    /// read the cache meanwhile.
    private nonisolated static func rendered(
        _ render: @Sendable () async throws -> (page: HTMLPage, current: Bool)
    ) async rethrows -> (page: HTMLPage, current: Bool) {
        let (page, current) = try await render()
        return (current ? page.compressed() : page, current)
    }
}
