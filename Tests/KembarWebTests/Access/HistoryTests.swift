import HTTPTypes
import HummingbirdTesting
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// A partnership's history: every change with who, when, before and after; read-only.
@Suite struct HistoryTests {
    @Test func showsEachChangeWithItsAuthorAndTheRecordBeforeAndAfter() async throws {
        try await WebHarness.with { site in
            let edit = "/partnerships/bandung/bandung-liuzhou/edit"
            let fields = formFields(try await site.get(edit).html).filter { $0.0 != "_csrf" }
            _ = try await site.post(edit, setting(fields, "kind", "institution") + [("save", "yes")])
            let page = try await site.get("/history/bandung/bandung-liuzhou", language: "en")
            #expect(page.status == .ok)
            #expect(page.text.contains("(officer)"))
            #expect(page.text.contains("changed: changed partnership bandung-liuzhou"))
            #expect(page.html.contains("&quot;sister-city&quot;"))
            #expect(page.html.contains("&quot;institution&quot;"))
            // Another partnership's history does not show this change.
            #expect(!(try await site.get("/history/bandung/bandung-seoul").text.contains("bandung-liuzhou")))
        }
    }

    @Test func cannotBeChangedThroughTheApplication() async throws {
        try await WebHarness.with { site in
            for method in [HTTPRequest.Method.post, .put, .delete] {
                let status = try await site.client.execute(
                    uri: "/history/bandung/bandung-liuzhou", method: method,
                    headers: [.cookie: site.session!.cookie]
                ) { $0.status }
                #expect(status != .ok && status != .seeOther, "\(method)")
            }
        }
    }
}
