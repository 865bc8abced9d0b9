import Foundation
import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// The forms that create and change the record: each is checked as a whole, errors come back
/// next to their fields in the person's language with what was typed, and nothing is saved
/// half-way.
@Suite struct FormTests {
    private let liuzhou = "/partnerships/bandung/bandung-liuzhou"

    /// Every form of the demo record: new ones, and one edit form per record.
    private func everyForm() throws -> [String] {
        let record = try Fixtures.demoRecord()
        var forms = ["/partnerships/new", "/partners/bandung/cn-liuzhou/edit"]
        for partnership in record.partnerships {
            let base = "/partnerships/bandung/\(partnership.id)"
            forms += [
                base + "/edit", base + "/activities/new", base + "/agreements/new", base + "/obligations/new",
                base + "/stages/new",
            ]
            forms += partnership.activities.map { base + "/activities/\($0.id)/edit" }
            forms += partnership.agreements.map { base + "/agreements/\($0.id)/edit" }
            forms += partnership.obligations.map { base + "/obligations/\($0.id)/edit" }
            forms += partnership.stages.indices.map { base + "/stages/\($0)/edit" }
        }
        return forms
    }

    @Test func everyFormRendersWithALabelForEveryControl() async throws {
        let forms = try everyForm()
        try await WebHarness.with { site in
            for uri in forms {
                for language in ["id", "en"] {
                    let page = try await site.get(uri, language: language)
                    #expect(page.status == .ok, "\(uri) in \(language)")
                    #expect(page.html.contains("<form method=\"post\""), "\(uri)")
                    // Enter in a field saves: the first button of the form is the save button.
                    let firstButton = page.html.firstMatch(of: /<form [^>]*>\s*<button [^>]*name="([a-z]+)"/)?.1
                    #expect(firstButton == "save", "\(uri)")
                    for control in page.html.matches(of: /<(?:input|select|textarea) [^>]*id="([^"]+)"/) {
                        #expect(page.html.contains("<label for=\"\(control.1)\">"), "\(uri): no label for \(control.1)")
                    }
                    #expect(!page.html.contains("{{"), "\(uri)")
                }
            }
        }
    }

    @Test func savingAnEditFormUnchangedKeepsTheRecordAsItWas() async throws {
        let forms = try everyForm().filter { $0.hasSuffix("/edit") }
        try await WebHarness.with { site in
            let before = try await site.storedRecord()
            for uri in forms {
                let fields = formFields(try await site.get(uri).html)
                let response = try await site.post(uri, fields + [("save", "yes")])
                #expect(response.status == .seeOther, "\(uri): \(visibleText(response.html).prefix(400))")
            }
            let after = try await site.storedRecord()
            #expect(after == before)
            #expect(try await site.auditEntries().filter { $0.actor.hasSuffix("(officer)") }.count == forms.count)
        }
    }

    @Test func anActivityWithMistakesComesBackWithTheErrorsAndWhatWasTyped() async throws {
        try await WebHarness.with { site in
            let before = try await site.storedRecord()
            let revision = try await DataRevision.current(site.database)
            let fields: [(String, String)] = [
                ("title", "Kunjungan <b>balasan</b> 2026"), ("start", "2021-02-30"), ("end", "2020"), ("kind", "visit"),
                ("host", "partner"), ("participants.0.side", "home"), ("participants.0.group", "government"),
                ("participants.0.role", "participant"), ("participants.0.count", "-3"), ("costs.0.side", "home"),
                ("costs.0.amount", "sepuluh"), ("costs.0.currency", "IDR"), ("costs.0.kind", "money"), ("save", "yes"),
            ]
            let page = try await site.post(liuzhou + "/activities/new", fields)
            #expect(page.status == .unprocessableContent)
            #expect(page.html.contains("<h2>Periksa kembali isian berikut</h2>"))
            #expect(
                page.html.contains("<p class=\"error\" id=\"field-start-error\">Tanggal ini tidak ada di kalender.</p>")
            )
            #expect(
                page.html.contains(
                    "<p class=\"error\" id=\"field-participants-0-count-error\">Tidak boleh negatif.</p>"))
            #expect(page.html.contains("<p class=\"error\" id=\"field-costs-0-amount-error\">Tulis sebuah angka.</p>"))
            #expect(
                page.html.contains("<a href=\"#field-start\">Tanggal mulai: Tanggal ini tidak ada di kalender.</a>"))
            #expect(
                page.html.contains(
                    "<a href=\"#field-participants-0-count\">Jumlah orang (baris 1): Tidak boleh negatif.</a>"))
            #expect(page.html.contains("aria-invalid=\"true\""))
            // What was typed is still there, escaped.
            #expect(page.html.contains("value=\"Kunjungan &lt;b&gt;balasan&lt;/b&gt; 2026\""))
            #expect(page.html.contains("value=\"2021-02-30\""))
            #expect(page.html.contains("value=\"sepuluh\""))
            #expect(page.html.contains("<option value=\"visit\" selected>"))
            // And nothing was written.
            #expect(try await site.storedRecord() == before)
            #expect(try await DataRevision.current(site.database) == revision)
            #expect(try await site.auditEntries().filter { $0.actor.hasSuffix("(officer)") }.isEmpty)
        }
    }

    @Test func errorsAreInTheChosenLanguage() async throws {
        try await WebHarness.with { site in
            let page = try await site.post(
                liuzhou + "/activities/new",
                [("title", ""), ("start", "2026-13"), ("kind", "picnic"), ("save", "yes")], language: "en")
            #expect(page.status == .unprocessableContent)
            #expect(page.html.contains("<p class=\"error\" id=\"field-title-error\">Required.</p>"))
            #expect(
                page.html.contains("<p class=\"error\" id=\"field-kind-error\">Choose one of the options offered.</p>"))
            #expect(page.html.contains("id=\"field-start-error\">"))
            #expect(!page.html.contains("Wajib diisi"))
        }
    }

    @Test func aNewActivityIsSavedWithEverythingItCarriesAndChangesTheEvaluation() async throws {
        try await WebHarness.with { site in
            let before = try await site.get("/").text
            #expect(before.contains("Liuzhou 柳州市 Tiongkok kota kembar 22,7 tahun April 2022"))
            let fields: [(String, String)] = [
                ("title", "Rapat Kelompok Kerja Bersama 2026"), ("start", "2026-10-14"), ("kind", "meeting"),
                ("host", "home"),
                ("initiator", "joint"), ("areas", "economy"), ("areas", "science-technology-administration"),
                ("fulfils", "jwg-meeting"), ("public", "yes"),
                ("participants.0.side", "home"), ("participants.0.group", "government"),
                ("participants.0.role", "planner"),
                ("participants.0.count", "6"), ("participants.1.side", "partner"), ("participants.1.group", "business"),
                ("participants.1.role", "participant"), ("participants.1.count", "4"),
                ("costs.0.side", "home"), ("costs.0.amount", "25000000"), ("costs.0.currency", "IDR"),
                ("costs.0.kind", "money"),
                ("benefits.0.to", "partner"), ("benefits.0.kind", "economic"),
                ("benefits.0.description", "Pameran produk UMKM"),
                ("results.0.kind", "output"), ("results.0.directness", "direct"),
                ("results.0.description", "Rencana kerja 2027"),
                ("results.0.delivered", "yes"), ("save", "yes"),
            ]
            let response = try await site.post(liuzhou + "/activities/new", fields)
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location])
            #expect(location.hasPrefix(liuzhou + "?saved=activity#activity-"))
            let stored = try #require(try await site.storedRecord().partnerships.first { $0.id == "bandung-liuzhou" })
            let activity = try #require(stored.activities.first { $0.title == "Rapat Kelompok Kerja Bersama 2026" })
            #expect(activity.start == (try PartialDate(parsing: "2026-10-14")))
            #expect(activity.kind == .meeting && activity.host == .home && activity.initiator == .joint)
            #expect(activity.areas == ["economy", "science-technology-administration"])
            #expect(activity.fulfils == ["jwg-meeting"])
            #expect(activity.isPublic)
            #expect(activity.participants.count == 2)
            #expect(
                activity.participants[1] == Participant(side: .partner, group: .business, role: .participant, count: 4))
            #expect(activity.costs == [Cost(side: .home, amount: 25_000_000, currency: "IDR", kind: .money)])
            #expect(activity.benefits.first?.to == .partner)
            #expect(activity.results.first?.delivered == true)
            let entry = try #require(try await site.auditEntries().first { $0.actor.hasSuffix("(officer)") })
            #expect(
                entry.actor.hasSuffix("(officer)") && entry.action == "create" && entry.entity == "activity"
                    && entry.entityID == activity.id)
            #expect(entry.after?.contains("Rapat Kelompok Kerja Bersama 2026") == true)
            // The pages show the change at once: the portfolio's last activity, the notice.
            #expect(
                try await site.get("/").text.contains("Liuzhou 柳州市 Tiongkok kota kembar 22,7 tahun 14 Oktober 2026"))
            let page = try await site.get(location.components(separatedBy: "#")[0])
            #expect(page.text.contains("Tersimpan: kegiatan."))
            #expect(page.html.contains("id=\"activity-\(activity.id)\""))
        }
    }

    @Test func pressingMoreRowsAddsRowsAndSavesNothing() async throws {
        try await WebHarness.with { site in
            let before = try await site.storedRecord()
            let page = try await site.post(
                liuzhou + "/activities/new", [("title", "Ditulis"), ("more", "participants")])
            #expect(page.status == .ok)
            #expect(page.html.contains("name=\"participants.4.side\""))
            #expect(page.html.contains("value=\"Ditulis\""))
            #expect(try await site.storedRecord() == before)
        }
    }

    @Test func aPartnershipWithANewPartnerAppearsInThePortfolio() async throws {
        try await WebHarness.with { site in
            let fields: [(String, String)] = [
                ("organization", "bandung"), ("id", "bandung-hamamatsu"), ("kind", "sister-city"), ("partner", ""),
                ("partner_name", "Hamamatsu"),
                ("partner_native_name", "浜松市"), ("partner_country", "JP"), ("partner_kind", "city"), ("save", "yes"),
            ]
            let response = try await site.post("/partnerships/new", fields)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/partnerships/bandung/bandung-hamamatsu?saved=partnership")
            #expect(try await site.get("/").text.contains("Hamamatsu 浜松市 Jepang"))
            let again = try await site.post("/partnerships/new", fields)
            #expect(again.status == .unprocessableContent)
            #expect(again.html.contains("Id ini sudah dipakai dalam kemitraan ini."))
            #expect(try await site.storedRecord().partnerships.filter { $0.id == "bandung-hamamatsu" }.count == 1)
        }
    }

    @Test func aPartnerWithAnUnknownCountryIsRefused() async throws {
        try await WebHarness.with { site in
            let uri = "/partners/bandung/cn-liuzhou/edit"
            let fields = setting(setting(formFields(try await site.get(uri).html), "country", "XX"), "lat", "91")
            let page = try await site.post(uri, fields + [("save", "yes")])
            #expect(page.status == .unprocessableContent)
            #expect(page.html.contains("id=\"field-country-error\">Pilih negara dari daftar.</p>"))
            #expect(page.html.contains("id=\"field-lat-error\">"))
            #expect(try await site.auditEntries().filter { $0.actor.hasSuffix("(officer)") }.isEmpty)
            let renamed = setting(formFields(try await site.get(uri).html), "name", "Kota Liuzhou")
            #expect(try await site.post(uri, renamed + [("save", "yes")]).status == .seeOther)
            #expect(try await site.get(liuzhou).text.contains("Bandung – Kota Liuzhou"))
        }
    }

    @Test func renamingAnObligationKeepsTheActivitiesThatFulfilIt() async throws {
        var record = try Fixtures.demoRecord()
        let index = try #require(record.partnerships.firstIndex { $0.id == "bandung-liuzhou" })
        record.partnerships[index].activities[0].fulfils = ["jwg-meeting"]
        try await WebHarness.with(record: record) { site in
            let uri = liuzhou + "/obligations/jwg-meeting/edit"
            let fields = setting(formFields(try await site.get(uri).html), "id", "jwg-yearly")
            #expect(try await site.post(uri, fields + [("save", "yes")]).status == .seeOther)
            let stored = try #require(try await site.storedRecord().partnerships.first { $0.id == "bandung-liuzhou" })
            #expect(stored.obligations.map(\.id).contains("jwg-yearly"))
            #expect(stored.activities[0].fulfils == ["jwg-yearly"])
        }
    }

    @Test func anAgreementThatEndsBeforeItBeginsIsRefused() async throws {
        try await WebHarness.with { site in
            let before = try await site.storedRecord()
            let page = try await site.post(
                liuzhou + "/agreements/new",
                [
                    ("id", "loi-2030"), ("type", "loi"), ("signed", "2030-01-01"), ("valid_from", "2030-01-01"),
                    ("valid_until", "2029"), ("save", "yes"),
                ])
            #expect(page.status == .unprocessableContent)
            #expect(page.html.contains("id=\"field-valid_until-error\">Berakhir sebelum dimulai.</p>"))
            #expect(try await site.storedRecord() == before)
        }
    }

    @Test func aStageAndAnObligationCanBeAdded() async throws {
        try await WebHarness.with { site in
            let stage = try await site.post(
                "/partnerships/bandung/bandung-seoul/stages/new",
                [("stage", "exploration"), ("date", "2025-03"), ("note", "Surat penjajakan"), ("save", "yes")])
            #expect(stage.status == .seeOther)
            let obligation = try await site.post(
                liuzhou + "/obligations/new",
                [
                    ("id", "laporan"), ("title", "Laporan tahunan bersama"), ("agreement", "mou-2006"),
                    ("every", "year"), ("from", "2007"),
                    ("save", "yes"),
                ])
            #expect(obligation.status == .seeOther, "\(visibleText(obligation.html).prefix(600))")
            let stored = try await site.storedRecord()
            #expect(stored.partnerships.first { $0.id == "bandung-seoul" }?.stages.first?.stage == .exploration)
            #expect(
                stored.partnerships.first { $0.id == "bandung-liuzhou" }?.obligations.contains { $0.id == "laporan" }
                    == true)
        }
    }

    @Test func unknownFormsAndRecordsAreNotFound() async throws {
        try await WebHarness.with { site in
            for uri in [
                liuzhou + "/picnics/new", liuzhou + "/activities/no-such-activity/edit", liuzhou + "/stages/99/edit",
                "/partnerships/bandung/nobody/activities/new", "/partners/bandung/nobody/edit",
            ] {
                let shown = try await site.get(uri)
                let posted = try await site.post(uri, [("save", "yes")])
                #expect(shown.status == .notFound, "\(uri)")
                #expect(posted.status == .notFound, "\(uri)")
            }
        }
    }
}
