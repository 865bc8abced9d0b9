import Foundation
import Hummingbird
import KembarCore
import KembarDocuments
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
    let security: SecuritySettings
    let accounts: AccountStore
    let sessions: SessionStore
    let sessionCache = SessionCache()
    let throttle: SignInThrottle
    let proposals: ProposalStore
    let submissions: PartnerSubmissionStore
    let intake: DocumentIntake
    let documents: DocumentStore
    let evidence: EvidenceStore
    let personalTokens: PersonalTokenStore

    public init(
        database: any KembarDatabase, renderer: PageRenderer, policy: EvaluationPolicy = .standard,
        security: SecuritySettings = SecuritySettings(), intake: DocumentIntake = DocumentIntake(),
        today: @escaping @Sendable () -> CalendarDay
    ) throws {
        self.database = database
        store = RecordStore(database: database)
        self.security = security
        accounts = AccountStore(database: database, passwords: security.passwords)
        sessions = SessionStore(database: database)
        throttle = SignInThrottle(database: database)
        proposals = ProposalStore(database: database)
        submissions = PartnerSubmissionStore(database: database)
        self.intake = intake
        documents = DocumentStore(database: database)
        evidence = EvidenceStore(database: database)
        personalTokens = PersonalTokenStore(database: database)
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

    /// Serves a page from the cache while the data and the day stay the same. Pages are kept
    /// per visitor scope (an account, or the public), since what a page shows depends on who asks.
    func cachedPage(
        _ request: Request, _ context: KembarRequestContext,
        render: @escaping @Sendable (Words) async throws -> HTMLPage
    ) async throws
        -> HTMLPage
    {
        let (language, chosenNow) = LanguageChoice.language(of: request)
        let words = renderer.words(language)
        let revision = try await revisions.current()
        let key =
            context.visitor.cacheScope + " " + language.rawValue + " " + request.uri.path + "?"
            + (request.uri.query ?? "")
        var page = try await pages.page(key, revision: revision, day: today().ordinal) {
            try await render(words)
        }
        if chosenNow { page.headers = LanguageChoice.rememberingHeaders(language) }
        return page
    }
}

extension Site {
    func notFound(_ request: Request, _ context: KembarRequestContext, words: Words) -> HTMLPage {
        message(
            request, context, words: words, title: words.text("not_found_title"),
            message: words.text("not_found_message"), status: .notFound)
    }

    func message(
        _ request: Request, _ context: KembarRequestContext, words: Words, title: String, message: String,
        status: HTTPResponse.Status
    ) -> HTMLPage {
        renderer.render(
            "message", title: title, model: ["message": message, "back": SitePath.home], words: words,
            request: request, visitor: context.visitor, status: status)
    }

    /// Renders a page for the visitor of `context`.
    func page(
        _ template: String, title: String, model: Any, words: Words, _ request: Request,
        _ context: KembarRequestContext, section: NavSection? = nil, attribution: Bool = false, feed: String? = nil,
        status: HTTPResponse.Status = .ok
    ) -> HTMLPage {
        renderer.render(
            template, title: title, model: model, words: words, request: request, visitor: context.visitor,
            section: section, attribution: attribution, feed: feed, status: status)
    }
}
