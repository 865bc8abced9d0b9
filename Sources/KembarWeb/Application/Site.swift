import Foundation
import Hummingbird
import KembarCore
import KembarDocuments
import KembarMail
import KembarStore
import Logging

/// What every page needs: the data, the cached records and evaluations, the templates and
/// catalogs, and the date "today" (a parameter, so that tests can fix it).
public struct Site: Sendable {
    let database: any KembarDatabase
    let store: RecordStore
    let renderer: PageRenderer
    let revisions: RevisionWatch
    let records: RecordCache
    let pages: PageCache
    let worldMap: WorldMap
    let today: @Sendable () -> CalendarDay
    let security: SecuritySettings
    let accounts: AccountStore
    let sessions: SessionStore
    let sessionCache = SessionCache()
    let decisionsWaiting = DecisionsWaiting()
    let governmentSummaries = GovernmentSummaries()
    let apiRateLimit: APIRateLimit
    let portfolioVisits = PortfolioVisits()
    let throttle: SignInThrottle
    let proposals: ProposalStore
    let submissions: PartnerSubmissionStore
    let intake: DocumentIntake
    let documents: DocumentStore
    let evidence: EvidenceStore
    let personalTokens: PersonalTokenStore
    /// How mail is sent; nil when no mail server is configured (nothing is sent).
    let mail: MailSetup?

    /// The memory the caches may use unless told otherwise (`kembar serve --cache-mb`).
    public static let defaultCacheBytes = 256 << 20

    /// `cacheBytes` caps the caches: three quarters for partnerships and their evaluations, a
    /// quarter for rendered pages. `observer` is told of each evaluation (tests count them).
    /// Other instances' writes are seen once the revision known is older than `revisionFreshness`.
    public init(
        database: any KembarDatabase, renderer: PageRenderer, policy: EvaluationPolicy = .standard,
        security: SecuritySettings = SecuritySettings(), intake: DocumentIntake = DocumentIntake(),
        cacheBytes: Int = Site.defaultCacheBytes, observer: (any CacheObserver)? = nil,
        revisionFreshness: Duration = .milliseconds(500), logger: Logger = Logger(label: "kembar.site"),
        mail: MailSetup? = nil, apiRateLimit: APIRateLimit = APIRateLimit(),
        today: @escaping @Sendable () -> CalendarDay
    ) throws {
        let revisions = RevisionWatch(database: database, freshness: revisionFreshness)
        let database = WatchedDatabase(base: database, watch: revisions)
        self.database = database
        self.revisions = revisions
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
        records = RecordCache(
            store: store, watch: revisions, policy: policy, budget: cacheBytes / 4 * 3, observer: observer,
            logger: logger)
        pages = PageCache(watch: revisions, budget: cacheBytes / 4)
        worldMap = try WorldMap.bundled()
        self.mail = mail
        self.apiRateLimit = apiRateLimit
        self.today = today
    }

    /// Today where the office works: the day turns at midnight in `timeZone`.
    public static func today(in timeZone: TimeZone) -> CalendarDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDay(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    var policy: EvaluationPolicy { records.policy }

    /// Serves a page from the cache while what it shows and the day stay the same. Pages are kept
    /// per visitor scope (an account, or the public), since what a page shows depends on who
    /// asks, and depend on the data of `organizations` (nil: of every government).
    func cachedPage(
        _ request: Request, _ context: KembarRequestContext, organizations: Set<String>?,
        render: @escaping @Sendable (Words) async throws -> HTMLPage
    ) async throws
        -> HTMLPage
    {
        let words = context.words
        let language = words.language
        let revision = try await revisions.current()
        let key =
            context.visitor.cacheScope + " " + language.rawValue + " " + request.uri.path + "?"
            + (request.uri.query ?? "")
        var page = try await pages.page(
            key, organizations: organizations, revision: revision, day: today().ordinal
        ) {
            let reading = PageReading()
            let page = try await PageReading.$current.withValue(reading) { try await render(words) }
            return (page, reading.isCurrent)
        }
        if context.languageChosenNow { page.headers = LanguageChoice.rememberingHeaders(language) }
        return page
    }
}

extension Site {
    /// Every government, by name.
    func organizations() async throws -> [Organization] {
        _ = try await revisions.current()
        return try await records.organizations()
    }

    /// The governments whose records `account` reads: its own, or every one for a deployment account.
    func organizationIDs(readBy account: Account) async throws -> [String] {
        if let own = account.organizationID { return [own] + account.governed.sorted() }
        return try await organizations().map(\.id)
    }

    /// A government and the list of its partnerships, without their records.
    func index(_ organizationID: String) async throws -> OrganizationIndex? {
        _ = try await revisions.current()
        return try await records.index(organizationID)
    }

    /// The records of the governments named (those that exist), evaluated as of today.
    func records(_ organizationIDs: [String]) async throws -> RecordView {
        _ = try await revisions.current()
        let day = today()
        var records: [CooperationRecord] = []
        var evaluations: [String: [String: PartnershipEvaluation]] = [:]
        var partnerIDs: [String: [String: String]] = [:]
        var current = true
        var evaluationDays: [CalendarDay] = []
        for organizationID in organizationIDs {
            guard let assembled = try await self.records.assemble(organizationID, today: day) else { continue }
            records.append(
                CooperationRecord(
                    organization: assembled.index.organization, partnerships: assembled.entries.map(\.partnership)))
            evaluations[organizationID] = Dictionary(
                uniqueKeysWithValues: assembled.entries.map { ($0.partnership.id, $0.evaluation) })
            partnerIDs[organizationID] = Dictionary(
                uniqueKeysWithValues: assembled.entries.map { ($0.partnership.id, $0.partnerID) })
            current = current && assembled.fresh
            evaluationDays += assembled.entries.map(\.day)
        }
        if !current { PageReading.current?.readStale() }
        // While a new day's evaluations are computed, the page says the day they are of.
        let evaluatedOn = evaluationDays.min() ?? day
        return RecordView(
            day: evaluatedOn, policy: policy, records: records, evaluations: evaluations, partnerIDs: partnerIDs)
    }

    /// The records `account` reads.
    func records(readBy account: Account) async throws -> RecordView {
        try await records(try await organizationIDs(readBy: account))
    }

    /// One government's record, or nil when there is no such government.
    func record(_ organizationID: String) async throws -> (record: CooperationRecord, view: RecordView)? {
        let view = try await records([organizationID])
        return view.record(organizationID).map { ($0, view) }
    }

    /// One partnership with its government and evaluation, without reading the government's
    /// other partnerships; nil when either does not exist.
    func partnership(_ organizationID: String, _ partnershipID: String) async throws -> CachedPartnership? {
        _ = try await revisions.current()
        let day = today()
        guard let assembled = try await records.assemble(organizationID, only: [partnershipID], today: day),
            let entry = assembled.entries.first
        else { return nil }
        if !assembled.fresh { PageReading.current?.readStale() }
        return CachedPartnership(
            organization: assembled.index.organization, partnership: entry.partnership, partnerID: entry.partnerID,
            evaluation: entry.evaluation, partnershipCount: assembled.index.partnerships.count, day: entry.day,
            policy: policy, revision: entry.revision)
    }

    /// Changes a partnership as ``RecordStore/modifyPartnership(organizationID:id:known:_:)`` does,
    /// starting from the cached copy when it is still what is stored (a partnership of thousands of
    /// activities is then not read again), and keeps what was saved in the cache.
    func modifyPartnership<Result: Sendable>(
        _ organizationID: String, _ partnershipID: String,
        _ change:
            @escaping @Sendable (StoredPartnership) throws -> (partnership: Partnership, change: Change, result: Result)
    ) async throws -> Result? {
        let known = await records.known(organizationID, partnershipID).map { cached in
            KnownPartnership(
                stored: StoredPartnership(
                    organization: cached.entry.profile.organization, partnership: cached.entry.partnership,
                    partnerID: cached.entry.partnerID, documentText: false),
                revision: cached.revision)
        }
        guard
            let modified = try await store.modifyPartnership(
                organizationID: organizationID, id: partnershipID, known: known, change)
        else { return nil }
        if modified.saved.partnership.id == partnershipID {
            try await records.remember(modified.saved, revision: modified.revision, today: today())
        }
        return modified.result
    }
}

/// A partnership as pages read it: with its government and its evaluation as of `day`.
struct CachedPartnership: Sendable {
    let organization: Organization
    let partnership: Partnership
    let partnerID: String
    let evaluation: PartnershipEvaluation
    /// How many partnerships the government keeps (what the office's load counts).
    let partnershipCount: Int
    /// The day the evaluation is of: today, or yesterday while today's is computed.
    let day: CalendarDay
    let policy: EvaluationPolicy
    /// The data revision the partnership was read at.
    let revision: Int
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
