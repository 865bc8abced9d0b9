import Foundation
import HTTPTypes
import KembarCore
import KembarTestSupport
import Testing

/// The portfolio: what an officer opens first every morning.
@Suite struct PortfolioPageTests {
    private let demoPartners = [
        "Liuzhou", "Braunschweig", "Seoul", "Suwon", "Yingkou", "Namur", "Cotabato City", "Cuenca", "Fort Worth",
        "Petaling Jaya",
    ]

    /// The portfolio's table, without the panels above it.
    static func table(_ html: String) throws -> String {
        let start = try #require(html.range(of: "<table class=\"portfolio\""))
        return String(html[start.lowerBound...])
    }

    @Test func listsEveryPartnershipInBahasaIndonesiaByDefault() async throws {
        try await WebHarness.with { site in
            let page = try await site.get("/")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.html.contains("<html lang=\"id\">"))
            #expect(page.headers[.setCookie] == nil)
            let text = page.text
            #expect(text.contains("Portofolio kerja sama"))
            #expect(page.html.contains("<span class=\"native\">柳州市</span>"))
            for partner in demoPartners { #expect(text.contains(partner), "missing \(partner)") }
            #expect(text.contains("Tiongkok"))
            // Liuzhou's last activity, its silence since then, and its verdict.
            #expect(text.contains("Liuzhou 柳州市 Tiongkok kota kembar 22,7 tahun April 2022 4,5 tahun kritis"))
            #expect(text.contains("Beban kantor: 31 kerja sama untuk 4 pegawai, 7,75 per pegawai."))
            #expect(text.contains("Liuzhou : dorman, kewajiban terlewat"))
            #expect(text.contains("GeoNames"))
        }
    }

    @Test func showsTheFiveElementsAsAHeatMapWithTextForScreenReaders() async throws {
        try await WebHarness.with { site in
            let html = try Self.table(try await site.get("/").html)
            let liuzhouRow = try #require(
                html.firstRange(of: "Liuzhou").map { String(html[$0.lowerBound...].prefix(4000)) })
            #expect(liuzhouRow.contains("status-unmet"))
            #expect(liuzhouRow.contains("status-met"))
            #expect(liuzhouRow.contains("status-partial"))
            #expect(liuzhouRow.contains("timbal balik: tidak terpenuhi"))
        }
    }

    @Test func speaksEnglishWhenAskedAndRemembersTheChoice() async throws {
        try await WebHarness.with { site in
            let english = try await site.get("/", language: "en")
            #expect(english.html.contains("<html lang=\"en\">"))
            #expect(english.text.contains("Cooperation portfolio"))
            #expect(english.text.contains("Liuzhou 柳州市 China sister city 22.7 years April 2022 4.5 years critical"))
            #expect(english.text.contains("Office load: 31 cooperations for 4 officers, 7.75 per officer."))
            let cookie = try #require(english.headers[.setCookie])
            #expect(cookie.contains("kembar_lang=en"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(cookie.contains("HttpOnly"))
            let remembered = try await site.get("/", cookie: String(cookie.split(separator: ";")[0]))
            #expect(remembered.text.contains("Cooperation portfolio"))
            #expect(try await site.get("/?lang=xx").text.contains("Portofolio kerja sama"))
        }
    }

    @Test func keepsTheLanguageSwitchOnTheSameView() async throws {
        try await WebHarness.with { site in
            let html = try await site.get("/?country=CN").html
            #expect(html.contains("href=\"/?country=CN&amp;lang=en\""))
        }
    }

    @Test func filtersByCountryKindHealthAndElementStatus() async throws {
        try await WebHarness.with { site in
            let chinese = try await site.get("/?country=CN").text
            #expect(chinese.contains("Liuzhou") && chinese.contains("Yingkou"))
            #expect(!chinese.contains("Braunschweig"))
            let unmetReciprocity = try await site.get("/?element=reciprocity&status=unmet").text
            #expect(unmetReciprocity.contains("Liuzhou"))
            #expect(!unmetReciprocity.contains("Yingkou 营口市"))
            let unknownHealth = try await site.get("/?health=unknown").text
            #expect(unknownHealth.contains("Seoul") && !unknownHealth.contains("Liuzhou 柳州市"))
            let sisterCities = try await site.get("/?kind=sister-city").text
            for partner in demoPartners { #expect(sisterCities.contains(partner)) }
            let nothing = try await site.get("/?kind=cooperation-agreement&country=CN")
            #expect(nothing.status == .ok)
            #expect(nothing.text.contains("Tidak ada kemitraan yang cocok"))
        }
    }

    @Test func sortsByAColumnBothWays() async throws {
        try await WebHarness.with { site in
            func order(_ query: String) async throws -> [String] {
                let text = visibleText(try Self.table(try await site.get("/" + query).html))
                return demoPartners.compactMap { name in text.range(of: name).map { (name, $0.lowerBound) } }
                    .sorted { $0.1 < $1.1 }.map(\.0)
            }
            let byPartner = try await order("?sort=partner")
            #expect(byPartner.first == "Braunschweig")
            #expect(byPartner.last == "Yingkou")
            let reversed = try await order("?sort=partner&dir=desc")
            #expect(reversed == byPartner.reversed())
            let bySilence = try await order("?sort=silence&dir=desc")
            #expect(bySilence.first == "Braunschweig")
            #expect(try await site.get("/?sort=nonsense&dir=sideways").status == .ok)
        }
    }

    @Test func tellsAnOfficerHowToLoadARecordWhenThereIsNone() async throws {
        try await WebHarness.with(demo: false) { site in
            let html = try await site.get("/").html
            #expect(html.contains("kembar import"))
            #expect(!html.contains("<table"))
            #expect(!html.contains("GeoNames"))
        }
    }

    @Test func servesTheStylesheetAHealthCheckAndANotFoundPage() async throws {
        try await WebHarness.with(demo: false) { site in
            let stylesheet = try await site.get("/static/kembar.css")
            #expect(stylesheet.status == .ok)
            #expect(stylesheet.html.contains("@media print"))
            #expect(try await site.get("/health").html == "ok")
            let missing = try await site.get("/no-such-page")
            #expect(missing.status == .notFound)
            #expect(missing.html.contains("<html lang=\"id\">"))
            #expect(try await site.get("/partnerships/bandung/no-such-partnership").status == .notFound)
        }
    }

    @Test func escapesRecordTextInThePage() async throws {
        var record = Fixtures.minimalRecord()
        record.partnerships[0].partner.name = "<script>alert(1)</script>"
        try await WebHarness.with(record: record) { site in
            for uri in ["/", "/map", "/partnerships/kota-contoh/contoh-mitra"] {
                let html = try await site.get(uri).html
                #expect(!html.contains("<script>alert"), "unescaped on \(uri)")
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "missing on \(uri)")
            }
        }
    }
}
