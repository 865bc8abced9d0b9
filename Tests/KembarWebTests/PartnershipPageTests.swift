import Foundation
import HTTPTypes
import KembarCore
import KembarTestSupport
import Testing

/// The partnership page: the record, the scorecard and the charts of one partnership.
@Suite struct PartnershipPageTests {
    private let liuzhou = "/partnerships/bandung/bandung-liuzhou"

    @Test func showsTheLiuzhouFindingsThatAPersonLooksFor() async throws {
        try await WebHarness.with { site in
            let page = try await site.get(liuzhou)
            #expect(page.status == .ok)
            let text = page.text
            #expect(text.contains("Bandung – Liuzhou"))
            // The seven-year vacuum, shaded on the timeline and said in its text alternative.
            #expect(text.contains("Kekosongan: 2011 – 2018 (7 tahun)"))
            #expect(page.html.contains("<rect class=\"vacuum\""))
            // The yearly Joint Working Group, never held.
            #expect(text.contains("0 kali dipenuhi, 19 kali terlewat"))
            #expect(page.html.contains("class=\"occurrence missed\""))
            // Reciprocity unmet, with the one-way benefits behind it.
            let reciprocity = try #require(section(page.html, from: "id=\"element-reciprocity\"", to: "</article>"))
            #expect(reciprocity.contains("<span class=\"badge status-unmet\">tidak terpenuhi</span>"))
            #expect(visibleText(reciprocity).contains("3 untuk Bandung (1 material, 2 budaya), 0 untuk Liuzhou"))
            #expect(reciprocity.contains("href=\"#activity-bantuan-masker-2020\""))
            #expect(page.html.contains("id=\"activity-bantuan-masker-2020\""))
            // The agreed area never touched.
            let areas = try #require(section(page.html, from: "id=\"areas-heading\"", to: "</section>"))
            #expect(
                visibleText(areas).contains("ilmu pengetahuan, teknologi, dan administrasi belum pernah dilaksanakan"))
            #expect(areas.components(separatedBy: "class=\"untouched\"").count == 2)
            #expect(text.contains("dorman"))
        }
    }

    @Test func readsInEnglishToo() async throws {
        try await WebHarness.with { site in
            let page = try await site.get(liuzhou, language: "en")
            #expect(page.html.contains("<html lang=\"en\">"))
            let reciprocity = try #require(section(page.html, from: "id=\"element-reciprocity\"", to: "</article>"))
            #expect(reciprocity.contains("<span class=\"badge status-unmet\">unmet</span>"))
            #expect(visibleText(reciprocity).contains("3 to Bandung (1 material, 2 cultural), 0 to Liuzhou"))
            #expect(page.text.contains("Vacuums: 2011 – 2018 (7 years)"))
            #expect(page.text.contains("met 0 times, missed 19 times"))
            // English says one thing in the singular.
            #expect(page.text.contains("It shows 4 stages, 1 agreement and 10 activities."))
            #expect(page.text.contains("missed 1 of 1 time since 2006"))
            #expect(page.text.contains("science, technology and administration never implemented"))
        }
    }

    @Test func drawsEveryChartWithATextAlternative() async throws {
        try await WebHarness.with { site in
            let html = try await site.get(liuzhou).html
            let charts = html.matches(of: /<svg [^>]*role="img" aria-labelledby="([^" ]+) ([^"]+)"/)
            #expect(charts.count == 2)
            for chart in charts {
                #expect(html.contains("<title id=\"\(chart.1)\">"))
                #expect(html.contains("<desc id=\"\(chart.2)\">"))
            }
            // The reciprocity chart also exists as a table, with the cities' names as columns.
            let table = try #require(section(html, from: "<table class=\"bars-table\">", to: "</table>"))
            #expect(table.contains("<th scope=\"col\">Bandung</th><th scope=\"col\">Liuzhou</th>"))
            // Delegations whose size nobody counted are not shown as delegations of nobody.
            #expect(visibleText(table).contains("Anggota delegasi tidak dihitung 4"))
        }
    }

    @Test func listsParticipantsByGroupAndRole() async throws {
        try await WebHarness.with { site in
            let html = try await site.get(liuzhou).html
            let participants = try #require(section(html, from: "id=\"participants-heading\"", to: "</section>"))
            let text = visibleText(participants)
            #expect(text.contains("Bandung, perencana"))
            #expect(text.contains("sekolah — 3 kegiatan — 1 kegiatan"))
        }
    }

    @Test func linksEveryRecordToItsForm() async throws {
        try await WebHarness.with { site in
            let html = try await site.get(liuzhou).html
            for path in [
                "/activities/bantuan-masker-2020/edit", "/agreements/mou-2006/edit", "/obligations/jwg-meeting/edit",
                "/stages/0/edit",
                "/activities/new", "/agreements/new", "/obligations/new", "/stages/new", "/edit",
            ] {
                #expect(html.contains("href=\"\(liuzhou)\(path)\""), "no link to \(path)")
            }
            #expect(html.contains("href=\"/partners/bandung/cn-liuzhou/edit\""))
        }
    }

    @Test func rendersEveryDemoPartnershipInBothLanguages() async throws {
        let record = try Fixtures.demoRecord()
        try await WebHarness.with { site in
            for partnership in record.partnerships {
                for language in ["id", "en"] {
                    let page = try await site.get("/partnerships/bandung/\(partnership.id)", language: language)
                    #expect(page.status == .ok, "\(partnership.id) in \(language)")
                    #expect(page.text.contains(partnership.partner.name))
                    #expect(!page.html.contains("{{"), "unrendered template in \(partnership.id)")
                    #expect(!page.html.contains("phrase."), "untranslated phrase in \(partnership.id)")
                    #expect(!page.html.contains("term."), "untranslated term in \(partnership.id)")
                }
            }
        }
    }

    @Test func saysSoWhenNothingHasADateToDraw() async throws {
        try await WebHarness.with { site in
            let page = try await site.get("/partnerships/bandung/bandung-seoul")
            #expect(page.text.contains("Belum ada tahap, perjanjian, atau kegiatan yang bertanggal untuk digambar."))
            #expect(!page.html.contains("<svg class=\"timeline\""))
        }
    }
}

/// The part of a page from the first `start` up to the next `end`.
func section(_ html: String, from start: String, to end: String) -> String? {
    guard let begin = html.range(of: start), let finish = html.range(of: end, range: begin.upperBound..<html.endIndex)
    else { return nil }
    return String(html[begin.lowerBound..<finish.upperBound])
}
