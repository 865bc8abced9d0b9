import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// Every answer forbids scripts, framing and content sniffing; no page carries a script or an
/// inline style that the policy would have to allow.
@Suite struct SecurityHeaderTests {
    @Test func everyKindOfAnswerCarriesTheHeaders() async throws {
        try await WebHarness.with { site in
            for path in [
                "/", "/map", "/partnerships/bandung/bandung-liuzhou", "/static/kembar.css", "/no-such-page", "/public",
                "/public/bandung/feed.atom", "/sign-in",
            ] {
                let page = try await site.get(path)
                let policy = page.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'"), "\(path)")
                #expect(!policy.contains("unsafe-inline"), "\(path)")
                #expect(page.headers[.init("X-Content-Type-Options")!] == "nosniff", "\(path)")
                #expect(page.headers[.init("X-Frame-Options")!] == "DENY", "\(path)")
            }
        }
    }

    @Test func signedInPagesAreNotKeptByCaches() async throws {
        try await WebHarness.with { site in
            let page = try await site.get("/")
            #expect(page.headers[.cacheControl] == "private, no-store")
        }
    }

    @Test func noPageNeedsScriptOrInlineStyle() async throws {
        try await WebHarness.with { site in
            for path in [
                "/", "/map", "/partnerships/bandung/bandung-liuzhou",
                "/partnerships/bandung/bandung-liuzhou/activities/new",
                "/history/bandung/bandung-liuzhou", "/public/bandung", "/sign-in",
            ] {
                let html = try await site.get(path).html
                #expect(!html.contains("<script"), "\(path)")
                #expect(!html.contains(" style=\""), "\(path)")
                #expect(html.firstMatch(of: #/ on[a-z]+="/#) == nil, "\(path)")
            }
        }
    }

    @Test func htmlTypedIntoAnyFieldIsShownEscapedNeverRun() async throws {
        try await WebHarness.with { site in
            let attack = "<script>alert(1)</script><img src=x onerror=alert(2)>"
            var fields = formFields(try await site.get("/partnerships/bandung/bandung-liuzhou/activities/new").html)
                .filter { $0.0 != "_csrf" }
            fields = setting(fields, "title", attack)
            fields = setting(fields, "start", "2026-05-05")
            fields = setting(fields, "kind", "event")
            fields = setting(fields, "public", "no")
            fields = setting(fields, "results.0.kind", "output")
            fields = setting(fields, "results.0.directness", "direct")
            fields = setting(fields, "results.0.description", attack)
            let saved = try await site.post(
                "/partnerships/bandung/bandung-liuzhou/activities/new", fields + [("save", "yes")])
            #expect(saved.status == .seeOther, "\(saved.text)")
            for path in ["/partnerships/bandung/bandung-liuzhou", "/history/bandung/bandung-liuzhou", "/"] {
                let html = try await site.get(path).html
                #expect(!html.contains("<script>alert"), "\(path)")
                #expect(!html.contains("<img src=x"), "\(path)")
            }
            #expect(
                try await site.get("/partnerships/bandung/bandung-liuzhou").html.contains(
                    "&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }
}
