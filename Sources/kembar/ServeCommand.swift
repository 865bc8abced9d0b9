import ArgumentParser
import Foundation
import Hummingbird
import KembarCore
import KembarDocuments
import KembarMail
import KembarStore
import KembarWeb
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web application.",
        discussion: """
            Brings the schema up to date, loads the demonstration portfolio (the Bandung government's \
            record) and the world twin-town directory when the database holds no organization, and \
            serves until interrupted.
            """
    )

    @Option(help: "Address to listen on.")
    var hostname = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port, printed at start).")
    var port = 8080

    @Flag(help: "Do not load the demonstration portfolio into an empty database.")
    var noDemo = false

    @Option(help: "A kembar-policy/1 file for the scorecards (default: the built-in policy).")
    var policy: String?

    @Flag(help: "People reach the site over HTTPS (through a proxy): cookies are Secure, browsers keep to HTTPS.")
    var https = false

    @Flag(help: "Take visitors' addresses from X-Forwarded-For (only when every request comes through your proxy).")
    var trustForwardedFor = false

    @Option(
        help: ArgumentHelp(
            "Where people reach the site, e.g. https://kerjasama.example.go.id: the links of feeds and tokens use it.",
            discussion: "Without it they use the Host each request names.", valueName: "url"))
    var publicURL: String?

    @Option(help: "The largest document file taken by upload, in megabytes.")
    var maxUploadMb = 25

    @Option(help: "The memory the caches of records, evaluations and pages may take, in megabytes.")
    var cacheMb = "256"

    @Option(
        help: ArgumentHelp(
            "The time zone whose midnight starts a new day for the evaluations (an IANA name).",
            valueName: "zone"))
    var timeZone = "Asia/Jakarta"

    @Option(
        help: ArgumentHelp(
            "How many API calls a minute one token may make (a fifth of them at once); over it, 429. Default: KEMBAR_API_CALLS_PER_MINUTE, else 600.",
            valueName: "n"))
    var apiCallsPerMinute: Int?

    @Option(
        help: ArgumentHelp(
            "Seconds a connection may stay silent (between requests, or before its request's head is whole) before it is closed.",
            valueName: "seconds"))
    var idleTimeout = ConnectionLimits.standardIdleTimeoutSeconds

    @OptionGroup(title: "Mail") var mail: MailOptions

    /// `--api-calls-per-minute`, else the environment's, else 600.
    var apiRate: Int {
        apiCallsPerMinute ?? ProcessInfo.processInfo.environment["KEMBAR_API_CALLS_PER_MINUTE"].flatMap { Int($0) }
            ?? 600
    }

    /// The administrator created on a new database with the demonstration portfolio.
    static let demoAdministrator = "admin@kembar.example"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (1...1024).contains(maxUploadMb) else {
            throw ValidationError("--max-upload-mb must be between 1 and 1024")
        }
        if let publicURL {
            do { _ = try PublicURL.normalized(publicURL) } catch { throw ValidationError(error.description) }
        }
        if try mail.settings() != nil, publicURL == nil {
            throw ValidationError(
                "mail needs --public-url https://… too: the links in the messages lead there")
        }
        guard apiRate >= 1 else {
            throw ValidationError("--api-calls-per-minute must be a whole number from 1 up, not \(apiRate)")
        }
        guard ConnectionLimits.idleTimeoutRange.contains(idleTimeout) else {
            throw ValidationError(
                "--idle-timeout must be between \(ConnectionLimits.idleTimeoutRange.lowerBound) and \(ConnectionLimits.idleTimeoutRange.upperBound) seconds, not \(idleTimeout)"
            )
        }
        guard cacheBytes != nil else {
            throw ValidationError(
                "--cache-mb must be a whole number of megabytes from 1 to \(Self.largestCacheMb), not \"\(cacheMb)\"")
        }
        guard TimeZone(identifier: timeZone) != nil else {
            throw ValidationError(
                "--time-zone \"\(timeZone)\" is not a time zone this system knows; use an IANA name such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura"
            )
        }
    }

    /// A terabyte: more than any machine Kembar runs on.
    static let largestCacheMb = 1 << 20

    /// `--cache-mb` in bytes, when it is a positive whole number of megabytes.
    var cacheBytes: Int? {
        guard let megabytes = Int(cacheMb), (1...Self.largestCacheMb).contains(megabytes) else { return nil }
        return megabytes << 20
    }

    func run() async throws {
        try await reportingFailures {
            let logger = CommandSupport.logger("kembar.serve", defaultLevel: .info)
            OpenFileLimit.raise(logger: logger)
            let rules = try PolicyInput.read(policy)
            let database = try await DatabaseConfiguration().open(logger: logger)
            do {
                try await Migrator.migrate(database, logger: logger)
                let store = RecordStore(database: database)
                var signInHelp: String?
                if !noDemo, try await store.isEmpty() {
                    let demo = try DemoRecord.record()
                    try await store.importRecord(demo, actor: "system:demo", source: "the demonstration portfolio")
                    let pairs = try await DirectoryStore(database: database).loadShipped()
                    CommandSupport.say(
                        "Loaded the demonstration portfolio (\(demo.organization.name), \(demo.partnerships.count) partnerships) and the twin-town directory (\(pairs) pairs)."
                    )
                    signInHelp = try await demoAdministrator(database)
                }
                if signInHelp == nil, try await AccountStore(database: database).count() == 0 {
                    signInHelp =
                        "No account exists yet. Create the first administrator with: kembar user add --role admin EMAIL"
                }
                let location = database.location
                let app = try await buildApplication(
                    database: database, hostname: hostname, port: port, policy: rules,
                    security: SecuritySettings(
                        https: https, trustForwardedFor: trustForwardedFor,
                        publicURL: try publicURL.map(PublicURL.normalized)),
                    uploads: IntakeLimits(maximumBytes: maxUploadMb * 1024 * 1024),
                    cacheBytes: cacheBytes ?? Site.defaultCacheBytes, logger: logger,
                    timeZone: TimeZone(identifier: timeZone) ?? .current,
                    mail: try mail.settings().map { MailSetup(server: $0.server, from: $0.from) },
                    apiRateLimit: APIRateLimit(burst: max(1, apiRate / 5), perMinute: apiRate),
                    connections: ConnectionLimits(idleTimeoutSeconds: idleTimeout)
                ) { [hostname, signInHelp] boundPort in
                    let base = "http://\(hostname):\(boundPort)"
                    CommandSupport.say("Kembar serves \(base)/ with data in \(location). Stop with Ctrl-C.")
                    if let signInHelp { CommandSupport.say(signInHelp.replacingOccurrences(of: "{base}", with: base)) }
                }
                try await app.runService()
            } catch {
                try? await database.close()
                throw error
            }
        }
    }

    /// Creates the demonstration's administrator with a one-time password, when no account exists.
    private func demoAdministrator(_ database: any KembarDatabase) async throws -> String? {
        let accounts = AccountStore(database: database)
        guard try await accounts.count() == 0 else { return nil }
        let password = Passwords.oneTime()
        try await accounts.create(
            .init(email: Self.demoAdministrator, name: "Demo administrator", role: .admin, organizationID: nil),
            password: password, oneTime: true, actor: "system:demo")
        return "Sign in at {base}/sign-in as \(Self.demoAdministrator) with the one-time password \(password)"
            + " (you will choose your own); invite officers, viewers, researchers and partner cities under Accounts."
    }
}
