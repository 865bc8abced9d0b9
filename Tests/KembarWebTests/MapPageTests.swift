import Foundation
import HTTPTypes
import KembarCore
import KembarTestSupport
import Testing

/// The world map of the partners.
@Suite struct MapPageTests {
    @Test func drawsTheWorldWithALineToEveryPartnerColouredByHealth() async throws {
        try await WebHarness.with { site in
            let page = try await site.get("/map")
            #expect(page.status == .ok)
            #expect(page.html.contains("<svg class=\"world\""))
            #expect(page.html.components(separatedBy: "class=\"country\"").count > 150)
            let record = try Fixtures.demoRecord()
            let partners = page.html.matches(of: /<circle class="partner (health-[a-z]+)"/).map { String($0.1) }
            #expect(partners.count == record.partnerships.count)
            #expect(partners.filter { $0 == "health-critical" }.count == 3)
            // A line to a partner across the date line is drawn on both edges of the map.
            let lines = page.html.matches(of: /<path class="link (health-[a-z]+)"/).map { String($0.1) }
            #expect(lines.count >= record.partnerships.count)
            #expect(Set(lines) == Set(partners))
            // The same as text, for whoever cannot see the drawing.
            for partnership in record.partnerships { #expect(page.text.contains(partnership.partner.name)) }
            #expect(page.text.contains("Liuzhou Tiongkok kritis"))
            #expect(page.html.contains("<desc id=\"map-description\">"))
        }
    }

    @Test func speaksEnglish() async throws {
        try await WebHarness.with { site in
            let page = try await site.get("/map", language: "en")
            #expect(page.text.contains("Liuzhou China critical"))
        }
    }

    @Test func showsAnEmptyWorldWhenNothingIsRecorded() async throws {
        try await WebHarness.with(demo: false) { site in
            let page = try await site.get("/map")
            #expect(page.status == .ok)
            #expect(!page.html.contains("class=\"link"))
        }
    }
}
