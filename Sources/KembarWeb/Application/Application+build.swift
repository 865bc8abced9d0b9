import Foundation
import Hummingbird
import KembarCore
import KembarDocuments
import KembarMail
import KembarStore
import Logging
import ServiceLifecycle

/// Builds the router with every route of the site.
public func buildRouter(site: Site) -> Router<KembarRequestContext> {
    let router = Router(context: KembarRequestContext.self)
    router.add(middleware: SecurityHeaders(https: site.security.https))
    router.add(middleware: LanguageMiddleware(renderer: site.renderer))
    router.add(middleware: ErrorLog())
    router.add(middleware: OutagePages(site: site))
    router.add(middleware: ClientAddress(security: site.security))
    router.add(middleware: RefusalPages(site: site))
    // Inside the refusal pages: the file middleware answers the router's "not found" with a file.
    if let publicDirectory = Bundle.module.resourceURL?.appendingPathComponent("public").path {
        router.add(middleware: CompressedStaticFiles(directory: publicDirectory))
        router.add(
            middleware: FileMiddleware(
                publicDirectory, urlBasePath: SitePath.staticFiles, cacheControl: .init([(.text, [.maxAge(3600)])]),
                searchForIndexHtml: false))
    }
    var table = RouteTable()
    HealthController(site: site).addRoutes(to: &table)
    PortfolioController(site: site).addRoutes(to: &table)
    MapController(site: site).addRoutes(to: &table)
    FormsController(site: site).addRoutes(to: &table)
    PartnershipController(site: site).addRoutes(to: &table)
    SignInController(site: site).addRoutes(to: &table)
    AccountsController(site: site).addRoutes(to: &table)
    HistoryController(site: site).addRoutes(to: &table)
    PublicPortalController(site: site).addRoutes(to: &table)
    ProposalsController(site: site).addRoutes(to: &table)
    ImportController(site: site).addRoutes(to: &table)
    DirectoryController(site: site).addRoutes(to: &table)
    OverviewController(site: site).addRoutes(to: &table)
    CompilationController(site: site).addRoutes(to: &table)
    PartnerSubmissionsController(site: site).addRoutes(to: &table)
    SearchController(site: site).addRoutes(to: &table)
    DocumentsController(site: site).addRoutes(to: &table)
    EvidenceController(site: site).addRoutes(to: &table)
    ReportsController(site: site).addRoutes(to: &table)
    DossierController(site: site).addRoutes(to: &table)
    TokensController(site: site).addRoutes(to: &table)
    MailPreferencesController(site: site).addRoutes(to: &table)
    AccountLinkController(site: site).addRoutes(to: &table)
    FeedsController(site: site).addRoutes(to: &table)
    // The site's pages: who is signed in by session, the form token, the forced password change.
    let pages = router.group()
        .add(middleware: SessionAuthenticator(site: site))
        .add(middleware: FormTokens(cookies: site.security.cookies))
        .add(middleware: PasswordChangeRequired())
        .add(middleware: RefusalPages(site: site))
    table.register(on: pages, site: site)
    // The API: bearer tokens and problem details, no session and no form token.
    APIController(site: site).addRoutes(to: router)
    // One-click unsubscribing: a signed token, no session and no form token.
    UnsubscribeController(site: site).addRoutes(to: router)
    return router
}

/// Builds the whole application: routes, and a service that closes the database on shutdown.
/// `onListening` gets the port actually bound (which differs from `port` when that is 0).
public func buildApplication(
    database: any KembarDatabase, hostname: String, port: Int, policy: EvaluationPolicy = .standard,
    security: SecuritySettings = SecuritySettings(), uploads: IntakeLimits = .standard,
    cacheBytes: Int = Site.defaultCacheBytes, logger: Logger,
    timeZone: TimeZone = TimeZone(identifier: "Asia/Jakarta")!, mail: MailSetup? = nil,
    apiRateLimit: APIRateLimit = APIRateLimit(), connections: ConnectionLimits = .standard,
    onListening: @escaping @Sendable (Int) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    let site = try Site(
        database: database, renderer: try await PageRenderer.bundled(), policy: policy, security: security,
        intake: DocumentIntake(limits: uploads), cacheBytes: cacheBytes, logger: logger, mail: mail,
        apiRateLimit: apiRateLimit,
        today: { Site.today(in: timeZone) })
    var app = Application(
        router: buildRouter(site: site),
        server: connections.server,
        configuration: .init(address: .hostname(hostname, port: port), serverName: "Kembar"),
        onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
        logger: logger)
    let presence = ServerPresence(database: database)
    try await presence.mark()
    app.addServices(DatabaseService(database: database), presence)
    if let mail {
        app.addServices(
            MailDelivery(outbox: Outbox(database: database), client: SMTPClient(server: mail.server), logger: logger),
            MailScheduleService(site: site, logger: logger))
    }
    return app
}

/// Keeps the database open while the server runs and closes it during graceful shutdown,
/// after the server has stopped taking requests.
struct DatabaseService: Service {
    let database: any KembarDatabase

    func run() async throws {
        try? await gracefulShutdown()
        try await database.close()
    }
}
