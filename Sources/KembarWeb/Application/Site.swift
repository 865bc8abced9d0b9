import Foundation
import Hummingbird
import KembarCore
import KembarStore

/// What every page needs: the data, the cached evaluations, the templates and catalogs, and the
/// date "today" (a parameter, so that tests can fix it).
public struct Site: Sendable {
    let database: any KembarDatabase
    let store: RecordStore
    let renderer: PageRenderer
    let revisions: RevisionWatch
    let evaluations: EvaluationCache
    let pages: PageCache
    let worldMap: WorldMap
    let today: @Sendable () -> CalendarDay

    public init(
        database: any KembarDatabase, renderer: PageRenderer, policy: EvaluationPolicy = .standard,
        today: @escaping @Sendable () -> CalendarDay
    ) throws {
        self.database = database
        store = RecordStore(database: database)
        self.renderer = renderer
        revisions = RevisionWatch(database: database)
        evaluations = EvaluationCache(store: store, revisions: revisions, policy: policy)
        pages = PageCache()
        worldMap = try WorldMap.bundled()
        self.today = today
    }

    /// Today in the server's time zone.
    public static func localToday() -> CalendarDay {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDay(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    func snapshot() async throws -> EvaluationCache.Snapshot {
        try await evaluations.current(today: today())
    }

    /// Serves a page from the cache while the data and the day stay the same.
    func cachedPage(_ request: Request, render: @escaping @Sendable (Words) async throws -> HTMLPage) async throws
        -> HTMLPage
    {
        let (language, chosenNow) = LanguageChoice.language(of: request)
        let words = renderer.words(language)
        let revision = try await revisions.current()
        let key = language.rawValue + " " + request.uri.path + "?" + (request.uri.query ?? "")
        var page = try await pages.page(key, revision: revision, day: today().ordinal) {
            try await render(words)
        }
        if chosenNow { page.headers = LanguageChoice.rememberingHeaders(language) }
        return page
    }
}

extension Site {
    func notFound(_ request: Request, words: Words) -> HTMLPage {
        renderer.render(
            "message", title: words.text("not_found_title"),
            model: ["message": words.text("not_found_message"), "back": SitePath.portfolio], words: words,
            request: request,
            status: .notFound)
    }
}
