import Foundation
import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import SQLKit
import Testing

/// The personal tokens page: make a token, see it once, revoke it.
@Suite struct TokensPageTests {
    static func secret(in html: String) -> String? {
        html.firstMatch(of: /<code class="secret">(kembar_[A-Za-z0-9_-]{43})<\/code>/).map { String($0.1) }
    }

    @Test func aTokenIsShownOnceWithTheAddressesItOpensThenOnlyItsBeginning() async throws {
        try await WebHarness.with { site in
            let page = try await site.get("/account/tokens")
            #expect(page.status == .ok)
            #expect(page.text.contains("Anda belum membuat token."))
            let made = try await site.post("/account/tokens", [("name", "kalender kantor"), ("purpose", "calendar")])
            #expect(made.status == .ok)
            let secret = try #require(Self.secret(in: made.html))
            #expect(made.html.contains("/feeds/\(secret)/bandung/calendar.ics"))
            let again = try await site.get("/account/tokens")
            #expect(!again.html.contains(secret))
            #expect(again.html.contains(String(secret.prefix(11)) + "…"))
            #expect(again.text.contains("kalender kantor"))
            let api = try await site.post("/account/tokens", [("name", "skrip"), ("purpose", "api")])
            let apiSecret = try #require(Self.secret(in: api.html))
            #expect(api.html.contains("curl -H &#39;Authorization: Bearer \(apiSecret)&#39;"))
        }
    }

    @Test func aBadTokenFormIsReturnedWithItsErrorsAndNothingIsMade() async throws {
        try await WebHarness.with { site in
            for fields in [[("name", ""), ("purpose", "api")], [("name", "x"), ("purpose", "everything")]] {
                let page = try await site.post("/account/tokens", fields)
                #expect(page.status == .unprocessableContent)
                #expect(page.html.contains("class=\"error-summary\""))
                #expect(Self.secret(in: page.html) == nil)
            }
            let count = try await site.database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM personal_tokens").first()?.decode(
                    column: "n", as: Int.self)
            }
            #expect(count == 0)
            // Without the form's token, nothing is made either.
            #expect(
                try await site.post("/account/tokens", [("name", "x"), ("purpose", "api")], formToken: false)
                    .status == .forbidden)
        }
    }

    @Test func revokingStopsTheTokenAndOnlyItsOwnerMayRevokeIt() async throws {
        try await WebHarness.with { site in
            let made = try await site.post("/account/tokens", [("name", "kalender"), ("purpose", "calendar")])
            let secret = try #require(Self.secret(in: made.html))
            let feed = "/feeds/\(secret)/bandung/calendar.ics"
            #expect(try await site.anonymous.get(feed).status == .ok)
            let id = try #require(
                made.html.firstMatch(of: /action="\/account\/tokens\/([0-9]+)\/revoke"/).map { String($0.1) })
            let stranger = try await site.signedIn(.officer, organizationID: "bandung")
            #expect(try await stranger.post("/account/tokens/\(id)/revoke", []).status == .notFound)
            #expect(try await site.anonymous.get(feed).status == .ok)
            let revoked = try await site.post("/account/tokens/\(id)/revoke", [])
            #expect(revoked.status == .seeOther)
            #expect(try await site.anonymous.get(feed).status == .notFound)
            #expect(try await site.get("/account/tokens").text.contains("dicabut"))
            #expect(try await site.anonymous.get("/account/tokens").status == .seeOther)
        }
    }
}
