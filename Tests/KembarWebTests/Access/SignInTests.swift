import Foundation
import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import KembarWeb
import SQLKit
import Synchronization
import Testing

/// Signing in and out, sessions, passwords and the throttle on guessing.
@Suite struct SignInTests {
    static let password = "the right password"

    /// A public browser on a site with one officer account; returns the harness and the account.
    static func withAccount(
        security: SecuritySettings? = nil, oneTime: Bool = false,
        _ body: @escaping @Sendable (WebHarness, Account) async throws -> Void
    ) async throws {
        try await WebHarness.with(signedIn: false, security: security) { site in
            let account = try await AccountStore(database: site.database, passwords: testPasswords).create(
                .init(email: "Officer@Example.org", name: "Siti", role: .officer, organizationID: "bandung"),
                password: password, oneTime: oneTime, actor: "test")
            try await body(site, account)
        }
    }

    /// Signs in through the form as a browser would, returning the session cookie when one was set.
    static func signIn(
        _ site: WebHarness, email: String, password: String, next: String? = nil,
        headers: HTTPFields = [:]
    ) async throws -> (page: WebHarness.Page, session: String?) {
        let form = try await site.get("/sign-in")
        let formCookie = form.headers[.setCookie].flatMap { $0.split(separator: ";").first.map(String.init) } ?? ""
        let token = formFields(form.html).first { $0.0 == "_csrf" }?.1 ?? ""
        var fields = [("_csrf", token), ("email", email), ("password", password)]
        if let next { fields.append(("next", next)) }
        var allHeaders = headers
        allHeaders[.cookie] = formCookie
        let page = try await site.post("/sign-in", fields, formToken: false, headers: allHeaders)
        let session = page.headers[values: .setCookie].first { $0.hasPrefix("kembar_session=") }
        return (page, session)
    }

    static func cookieValue(_ setCookie: String?) -> String? {
        setCookie.flatMap { $0.split(separator: ";").first.map(String.init) }
    }

    @Test func signsInWithTheRightPasswordIntoAnHttpOnlySameSiteSession() async throws {
        try await Self.withAccount { site, _ in
            let (page, session) = try await Self.signIn(site, email: " officer@example.ORG ", password: Self.password)
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/")
            let cookie = try #require(session)
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
            let portfolio = try await site.get("/", cookie: Self.cookieValue(cookie))
            #expect(portfolio.status == .ok)
            #expect(portfolio.html.contains("Siti"))
        }
    }

    @Test func cookiesAreSecureWhenTheSiteIsServedOverHTTPS() async throws {
        try await Self.withAccount(security: SecuritySettings(https: true, passwords: testPasswords)) { site, _ in
            let (page, session) = try await Self.signIn(site, email: "officer@example.org", password: Self.password)
            #expect(session?.contains("Secure") == true)
            #expect(page.headers[.strictTransportSecurity] != nil)
        }
    }

    @Test func theDatabaseKeepsOnlyAHashOfTheSessionToken() async throws {
        try await Self.withAccount { site, _ in
            let (_, session) = try await Self.signIn(site, email: "officer@example.org", password: Self.password)
            let token = try #require(Self.cookieValue(session)?.split(separator: "=").last.map(String.init))
            let stored = try await site.database.read { sql in
                try await sql.select().column("token_hash").from("sessions").all().map {
                    try $0.decode(column: "token_hash", as: String.self)
                }
            }
            #expect(stored == [SecretToken.hash(token)])
            #expect(!stored.contains(token))
        }
    }

    @Test func aWrongPasswordOrUnknownAddressIsRefusedAlike() async throws {
        try await Self.withAccount { site, _ in
            for (email, password) in [("officer@example.org", "wrong password"), ("nobody@example.org", Self.password)]
            {
                let (page, session) = try await Self.signIn(site, email: email, password: password)
                #expect(page.status == .unauthorized)
                #expect(session == nil)
                #expect(page.text.contains("Alamat surel atau kata sandi salah"))
            }
        }
    }

    @Test func repeatedFailuresForOneAccountAreThrottledEvenWithTheRightPassword() async throws {
        try await Self.withAccount { site, _ in
            for _ in 0..<5 {
                #expect(
                    try await Self.signIn(site, email: "officer@example.org", password: "guess").page.status
                        == .unauthorized)
            }
            let (page, session) = try await Self.signIn(site, email: "officer@example.org", password: Self.password)
            #expect(page.status == .tooManyRequests)
            #expect(page.headers[.retryAfter] != nil)
            #expect(session == nil)
            #expect(page.text.contains("Terlalu banyak percobaan gagal"))
        }
    }

    @Test func repeatedFailuresFromOneAddressAreThrottledAcrossAccounts() async throws {
        let security = SecuritySettings(trustForwardedFor: true, passwords: testPasswords)
        try await Self.withAccount(security: security) { site, _ in
            let attacker: HTTPFields = [.init("X-Forwarded-For")!: "203.0.113.9"]
            for index in 0..<20 {
                _ = try await Self.signIn(site, email: "guess\(index)@example.org", password: "x", headers: attacker)
            }
            let blocked = try await Self.signIn(
                site, email: "officer@example.org", password: Self.password, headers: attacker)
            #expect(blocked.page.status == .tooManyRequests)
            // Someone else, from another address, still signs in.
            let other = try await Self.signIn(
                site, email: "officer@example.org", password: Self.password,
                headers: [.init("X-Forwarded-For")!: "198.51.100.7"])
            #expect(other.page.status == .seeOther)
        }
    }

    @Test func returnsOnlyToAddressesOfThisSite() async throws {
        try await Self.withAccount { site, _ in
            let local = try await Self.signIn(site, email: "officer@example.org", password: Self.password, next: "/map")
            #expect(local.page.headers[.location] == "/map")
            for next in ["//evil.example/", "https://evil.example/", "/\\evil.example"] {
                let page = try await Self.signIn(
                    site, email: "officer@example.org", password: Self.password, next: next)
                #expect(page.page.headers[.location] == "/", "\(next)")
            }
        }
    }

    @Test func aOneTimePasswordMustBeChangedBeforeAnythingElse() async throws {
        try await Self.withAccount(oneTime: true) { site, _ in
            let (page, session) = try await Self.signIn(site, email: "officer@example.org", password: Self.password)
            #expect(page.headers[.location] == "/account/password")
            let cookie = Self.cookieValue(session)
            let map = try await site.get("/map", cookie: cookie)
            #expect(map.status == .seeOther)
            #expect(map.headers[.location] == "/account/password")
        }
    }

    @Test func changingThePasswordChecksEveryFieldAndKeepsTheOldOneOnError() async throws {
        try await Self.withAccount { site, account in
            let signedIn = try await site.signedIn(accountID: account.id)
            let cases: [([(String, String)], String)] = [
                ([("current", "wrong"), ("new", "long enough new"), ("repeat", "long enough new")], "current"),
                ([("current", Self.password), ("new", "short"), ("repeat", "short")], "new"),
                ([("current", Self.password), ("new", "long enough new"), ("repeat", "different one!")], "repeat"),
                ([("current", Self.password), ("new", "tab\there long"), ("repeat", "tab\there long")], "new"),
            ]
            for (fields, field) in cases {
                let page = try await signedIn.post("/account/password", fields)
                #expect(page.status == .unprocessableContent, "\(fields)")
                #expect(page.html.contains("id=\"field-\(field)-error\""), "\(field)")
            }
            let accounts = AccountStore(database: site.database, passwords: testPasswords)
            #expect(try await accounts.verify(email: "officer@example.org", password: Self.password) != nil)
            let done = try await signedIn.post(
                "/account/password",
                [("current", Self.password), ("new", "a new long password"), ("repeat", "a new long password")])
            #expect(done.status == .seeOther)
            #expect(try await accounts.verify(email: "officer@example.org", password: "a new long password") != nil)
            #expect(try await accounts.verify(email: "officer@example.org", password: Self.password) == nil)
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        try await Self.withAccount { site, account in
            let signedIn = try await site.signedIn(accountID: account.id)
            #expect(try await signedIn.get("/sign-out").html.contains("action=\"/sign-out\""))
            let out = try await signedIn.post("/sign-out", [])
            #expect(out.status == .seeOther)
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            #expect(try await signedIn.get("/map").status == .seeOther)
        }
    }

    @Test func disablingAnAccountEndsItsSessionsAndItsSignIn() async throws {
        try await Self.withAccount { site, account in
            let signedIn = try await site.signedIn(accountID: account.id)
            #expect(try await signedIn.get("/map").status == .ok)
            let admin = try await site.signedIn(.admin, organizationID: "bandung")
            let form = formFields(try await admin.get("/admin/accounts/\(account.id)").html).filter { $0.0 != "_csrf" }
            #expect(
                try await admin.post("/admin/accounts/\(account.id)", setting(form, "disabled", "yes")).status
                    == .seeOther)
            #expect(try await signedIn.get("/map").status == .seeOther)
            #expect(
                try await Self.signIn(site, email: account.email, password: Self.password).page.status == .unauthorized)
        }
    }

    @Test func aChangeMadeElsewhereReachesThisInstanceWithinTheSessionCachesLifetime() async throws {
        let clock = TestClock()
        let security = SecuritySettings(passwords: testPasswords, now: { clock.now })
        try await Self.withAccount(security: security) { site, account in
            let signedIn = try await site.signedIn(accountID: account.id)
            #expect(try await signedIn.get("/map").status == .ok)
            // As another instance, or the command line, would: straight in the database.
            _ = try await AccountStore(database: site.database, passwords: testPasswords).update(
                id: account.id,
                to: .init(email: account.email, name: account.name, role: .officer, organizationID: "bandung"),
                disabled: true, actor: "test")
            clock.advance(by: 2.5)
            #expect(try await signedIn.get("/map").status == .seeOther)
        }
    }

    @Test func anExpiredSessionIsNoSession() async throws {
        try await Self.withAccount { site, account in
            let sessions = SessionStore(database: site.database)
            let token = try await sessions.open(accountID: account.id, now: Date().addingTimeInterval(-11 * 3600))
            #expect(try await sessions.session(token: token) == nil)
            #expect(try await site.get("/map", cookie: "kembar_session=\(token)").status == .seeOther)
        }
    }
}

/// A clock that moves only when told, for what depends on elapsed time.
final class TestClock: Sendable {
    private let current = Mutex<Date>(Date())

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
