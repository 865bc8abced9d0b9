import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// The rules a partnership keeps (dates in order, ids unique, what a record names present) are
/// the record validator's, the same for a form as for an import or the API; the form says them
/// beside its fields, in the person's language, and writes nothing.
@Suite struct RecordRulesOnFormsTests {
    private let liuzhou = "/partnerships/bandung/bandung-liuzhou"

    private func activity(_ extra: [(String, String)]) -> [(String, String)] {
        [("title", "Kunjungan balasan"), ("start", "2026-03-01"), ("kind", "visit"), ("public", "no"), ("save", "yes")]
            .filter { field in !extra.contains { $0.0 == field.0 } } + extra
    }

    @Test func anActivityThatBreaksARuleOfThePartnershipIsSaidBesideItsField() async throws {
        try await WebHarness.with { site in
            let before = try await site.storedRecord()
            let cases: [([(String, String)], String, String)] = [
                ([("end", "2026-02-01")], "end", "Ends before it starts."),
                ([("id", "kebun-binatang")], "id", "This id is already used in this partnership."),
                ([("fulfils", "no-such-obligation")], "fulfils", "Choose one of the options offered."),
                ([("documents", "no-such-document")], "documents", "Choose one of the options offered."),
            ]
            for (fields, field, message) in cases {
                let page = try await site.post(liuzhou + "/activities/new", activity(fields), language: "en")
                #expect(page.status == .unprocessableContent, "\(field)")
                #expect(
                    page.html.contains("<p class=\"error\" id=\"field-\(field)-error\">\(message)</p>"), "\(field)")
            }
            let evidence = try await site.post(
                liuzhou + "/activities/new",
                activity([
                    ("results.0.kind", "output"), ("results.0.directness", "direct"),
                    ("results.0.description", "Rencana kerja"), ("results.0.evidence", "no-such-document"),
                ]), language: "en")
            #expect(evidence.status == .unprocessableContent)
            #expect(evidence.html.contains("There is no document with this id in this partnership."))
            #expect(try await site.storedRecord() == before)
        }
    }

    @Test func editingAnActivityKeepsItsOwnIdAndStillChecksTheDates() async throws {
        try await WebHarness.with { site in
            let uri = liuzhou + "/activities/kebun-binatang/edit"
            var fields = formFields(try await site.get(uri).html)
            fields = setting(fields, "end", "1990")
            let page = try await site.post(uri, fields, language: "en")
            #expect(page.status == .unprocessableContent)
            #expect(page.html.contains("<p class=\"error\" id=\"field-end-error\">Ends before it starts.</p>"))
            #expect(!page.html.contains("This id is already used"))
        }
    }

    @Test func thePartnerCitysEntryIsHeldToTheSameRules() async throws {
        try await WebHarness.with { site in
            let partner = try await site.signedIn(
                .partner, organizationID: "bandung", partnershipID: "bandung-liuzhou")
            let page = try await partner.post(
                "/contribute/bandung/bandung-liuzhou/activities/new", activity([("end", "2025-12-31")]),
                language: "en")
            #expect(page.status == .unprocessableContent)
            #expect(page.html.contains("<p class=\"error\" id=\"field-end-error\">Ends before it starts.</p>"))
            let waiting = try await PartnerSubmissionStore(database: site.database).pendingCount(
                organizationID: "bandung", partnershipID: "bandung-liuzhou")
            #expect(waiting == 0)
        }
    }

    @Test func agreementsAndObligationsAreHeldToTheSameRules() async throws {
        try await WebHarness.with { site in
            let before = try await site.storedRecord()
            let agreement: [(String, String)] = [
                ("type", "mou"), ("signed", "2026-01-10"), ("save", "yes"),
            ]
            let cases: [(String, [(String, String)], String, String)] = [
                ("agreements", agreement + [("valid_until", "2025-12-31")], "valid_until", "Ends before it starts."),
                ("agreements", agreement + [("id", "mou-2006")], "id", "This id is already used in this partnership."),
                (
                    "agreements", agreement + [("id", "mou-2026"), ("supersedes", "mou-2026")], "supersedes",
                    "Choose one of the options offered."
                ),
                (
                    "obligations",
                    [
                        ("title", "Laporan"), ("agreement", "mou-2006"), ("every", "year"),
                        ("from", "2026-01-01"), ("until", "2025-01-01"), ("save", "yes"),
                    ], "until", "Ends before it starts."
                ),
                (
                    "obligations",
                    [
                        ("title", "Laporan"), ("agreement", "no-such-agreement"), ("every", "year"),
                        ("from", "2026-01-01"), ("save", "yes"),
                    ], "agreement", "Choose one of the options offered."
                ),
            ]
            for (kind, fields, field, message) in cases {
                let page = try await site.post(liuzhou + "/\(kind)/new", fields, language: "en")
                #expect(page.status == .unprocessableContent, "\(kind) \(field)")
                #expect(
                    page.html.contains("<p class=\"error\" id=\"field-\(field)-error\">\(message)</p>"),
                    "\(kind) \(field)")
            }
            #expect(try await site.storedRecord() == before)
        }
    }
}
