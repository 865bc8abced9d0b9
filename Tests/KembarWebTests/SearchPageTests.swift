import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// The search page: results linked to their place in the record, matches marked, and nothing
/// beyond what the visitor may read.
@Suite struct SearchPageTests {
    @Test func showsMarkedResultsLinkedToTheirRecord() async throws {
        try await WebHarness.with { site in
            let page = try await site.get("/search?q=masker", language: "en")
            #expect(page.status == .ok)
            #expect(page.html.contains("href=\"/partnerships/bandung/bandung-liuzhou#activity-bantuan-masker-2020\""))
            #expect(page.html.contains("<mark>masker</mark>"))
            #expect(page.text.contains("found"))
            // As a browser sends a form: spaces as "+".
            let twoWords = try await site.get("/search?q=pertukaran+pelajar")
            #expect(twoWords.html.contains("value=\"pertukaran pelajar\""))
            #expect(twoWords.html.contains("#activity-pertukaran-pelajar\""))
            let empty = try await site.get("/search")
            #expect(empty.status == .ok)
            #expect(!empty.html.contains("<ol class=\"search-results\">"))
        }
    }

    @Test func searchesOnlyWhatTheVisitorMayRead() async throws {
        try await WebHarness.with(signedIn: false) { site in
            try await RecordStore(database: site.database).importRecord(
                Fixtures.minimalRecord(), actor: "test", source: "fixture")
            let foreign = try await site.signedIn(.officer, organizationID: "kota-contoh")
            #expect(!(try await foreign.get("/search?q=liuzhou").html.contains("bandung-liuzhou")))
            let partner = try await site.signedIn(.partner, organizationID: "bandung", partnershipID: "bandung-seoul")
            let seen = try await partner.get("/search?q=liuzhou").html
            #expect(!seen.contains("/partnerships/bandung/bandung-liuzhou"))
            #expect(try await site.anonymous.get("/search?q=liuzhou").status == .seeOther)
        }
    }

    @Test func whatWasTypedComesBackEscaped() async throws {
        try await WebHarness.with { site in
            let page = try await site.get("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
            #expect(page.status == .ok)
            #expect(!page.html.contains("<script>alert"))
            #expect(page.html.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""))
        }
    }
}
