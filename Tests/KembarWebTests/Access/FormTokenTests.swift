import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// Every form that changes something carries a token only the site's own pages know (CSRF).
@Suite struct FormTokenTests {
    @Test func everyFormOfTheSiteCarriesTheSessionsToken() async throws {
        try await WebHarness.with { site in
            for path in [
                "/partnerships/new", "/partnerships/bandung/bandung-liuzhou/edit",
                "/partnerships/bandung/bandung-liuzhou/activities/new", "/account/password", "/sign-out",
            ] {
                let html = try await site.get(path).html
                #expect(html.contains("name=\"_csrf\" value=\"\(site.session!.formToken)\""), "\(path)")
            }
        }
    }

    @Test func aChangeWithoutTheTokenOrWithAnotherIsRefusedAndWritesNothing() async throws {
        try await WebHarness.with { site in
            let before = try await site.storedRecord()
            let form = formFields(try await site.get("/partnerships/bandung/bandung-liuzhou/edit").html)
            let changed = setting(form, "id", "forged")
            let missing = try await site.post(
                "/partnerships/bandung/bandung-liuzhou/edit", changed.filter { $0.0 != "_csrf" }, formToken: false)
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("Formulir kedaluwarsa"))
            let other = try await site.signedIn(.officer, organizationID: "bandung")
            let foreignToken = try await site.post(
                "/partnerships/bandung/bandung-liuzhou/edit", setting(changed, "_csrf", other.session!.formToken))
            #expect(foreignToken.status == .forbidden)
            #expect(try await site.storedRecord() == before)
        }
    }

    @Test func thePublicsFormsNeedTheTokenOfTheirOwnCookie() async throws {
        try await WebHarness.with(signedIn: false) { site in
            let page = try await site.get("/public/bandung/partnerships/bandung-liuzhou/propose")
            let cookie = try #require(page.headers[.setCookie])
            #expect(cookie.hasPrefix("kembar_form=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            let fields = [("name", "Ani"), ("group", "citizens"), ("contact", "ani@example.org"), ("idea", "A mural")]
            let withoutCookie = try await site.post(
                "/public/bandung/partnerships/bandung-liuzhou/propose", fields + [("_csrf", "guessed")])
            #expect(withoutCookie.status == .forbidden)
            let proposals = try await ProposalStore(database: site.database).proposals(
                organizationID: "bandung", partnershipID: "bandung-liuzhou")
            #expect(proposals.isEmpty)
        }
    }

    @Test func aFormBodyOverTheLimitIsRefusedAndWritesNothing() async throws {
        try await WebHarness.with { site in
            let before = try await site.storedRecord()
            let page = try await site.post(
                "/partnerships/bandung/bandung-liuzhou/activities/new",
                [("title", String(repeating: "x", count: 2 << 20)), ("start", "2026-01-01"), ("save", "yes")])
            #expect(page.status == .contentTooLarge)
            #expect(page.headers[.contentSecurityPolicy] != nil)
            #expect(try await site.storedRecord() == before)
        }
    }
}
