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
            // The timeline, and the reciprocity bars drawn twice: for a wide screen and for a phone.
            #expect(charts.count == 3)
            for chart in charts {
                #expect(html.contains("<title id=\"\(chart.1)\">"))
                #expect(html.contains("<desc id=\"\(chart.2)\">"))
            }
            // The reciprocity chart also exists as a table, with the cities' names as columns.
            let table = try #require(section(html, from: "<table class=\"bars-table\">", to: "</table>"))
            #expect(table.contains("<th scope=\"col\">Bandung</th><th scope=\"col\">Liuzhou</th>"))
        }
    }

    @Test func theBarsCountTheWindowTheIndicatorsJudge() async throws {
        try await WebHarness.with { site in
            let html = try await site.get(liuzhou).html
            let bars = try #require(section(html, from: "<section id=\"reciprocity\"", to: "</section>"))
            // Liuzhou is judged on the years up to its last activity (April 2022): no
            // delegation either way, and the same three benefits as R3.
            #expect(visibleText(bars).contains("tahun hingga"))
            #expect(visibleText(bars).contains("Delegasi 0 dikirim 0 dikirim"))
            let r3 = try #require(section(html, from: "id=\"element-reciprocity\"", to: "</article>"))
            #expect(visibleText(r3).contains("3 untuk Bandung"))
            let table = try #require(section(bars, from: "<table class=\"bars-table\">", to: "</table>"))
            #expect(visibleText(table).contains("material 1 0"))
            #expect(visibleText(table).contains("budaya 2 0"))
        }
    }

    @Test func underAPolicyThatChangesTheAreaRuleThePageAndTheAlarmAgree() async throws {
        var builder = RecordBuilder()
        builder.agreement(signed: "2015-01-15", areas: ["economy", "other"])
        builder.activity("trade", "2026-03-01", areas: ["economy"])
        var strict = EvaluationPolicy.standard
        strict.name = "strict"
        strict.catchAllAreas = []
        for (policy, flagged) in [(EvaluationPolicy.standard, 0), (strict, 1)] {
            try await WebHarness.with(record: builder.record, policy: policy) { site in
                let html = try await site.get("/partnerships/kota/contoh-mitra", language: "en").html
                let areas = try #require(section(html, from: "<section id=\"areas\"", to: "</section>"))
                let alarms = try #require(section(html, from: "<section id=\"alarms\"", to: "</section>"))
                #expect(areas.matches(of: /class="untouched"/).count == flagged)
                #expect(alarms.matches(of: /area never implemented/).count == flagged)
                #expect(visibleText(areas).contains("other areas agreed never implemented") == (flagged == 1))
            }
        }
    }

    @Test func delegationsWhoseSizeNobodyCountedAreNotDelegationsOfNobody() async throws {
        var builder = RecordBuilder()
        builder.agreement(signed: "2020-01-15")
        builder.activity(
            "visit-2025", "2025-09-01", host: .home,
            participants: [
                Participant(side: .partner, group: .government, role: .participant),
                Participant(side: .home, group: .government, role: .planner, count: 4),
            ])
        builder.activity(
            "return-2026", "2026-03-01", host: .partner,
            participants: [Participant(side: .home, group: .government, role: .participant, count: 4)])
        try await WebHarness.with(record: builder.record) { site in
            let html = try await site.get("/partnerships/kota/contoh-mitra", language: "en").html
            let table = try #require(section(html, from: "<table class=\"bars-table\">", to: "</table>"))
            #expect(visibleText(table).contains("Delegations 1 sent 1 sent"))
            #expect(visibleText(table).contains("Delegation members 4 not counted"))
        }
    }

    @Test func onAPhoneTheHistoryIsAListByYearAndTheBarsFitTheScreen() async throws {
        try await WebHarness.with { site in
            let html = try await site.get(liuzhou).html
            let list = try #require(section(html, from: "<ol class=\"timeline-years narrow-only\">", to: "</ol>"))
            let years = list.matches(of: /<h3>(\d{4})<\/h3>/).map { Int($0.1)! }
            #expect(years == years.sorted() && !years.isEmpty)
            let partnership = try #require(
                try await site.storedRecord().partnerships.first { $0.id == "bandung-liuzhou" })
            for activity in partnership.activities {
                let year = activity.start.span.lowerBound.components.year
                let entries = try #require(section(list, from: "<h3>\(year)</h3>", to: "</ul>"))
                #expect(visibleText(entries).contains(activity.title), "\(activity.id)")
            }
            // Each entry carries the legend's swatch; the years the JWG did not meet say so.
            #expect(list.contains("<span class=\"key missed-key\"></span> Kelompok Kerja Bersama"))
            // The bars for a phone are drawn at about its width, so that their text keeps its size.
            #expect(html.contains("<svg class=\"two-way narrow\" viewBox=\"0 0 320 "))
            // Each legend's swatch sits with its label, which keeps them on one line.
            let legend = try #require(section(html, from: "<p class=\"chart-legend\">", to: "</p>"))
            #expect(
                legend.matches(of: #/<span class="key /#).count
                    == legend.matches(of: /<span class="legend-item">/).count)
            // Drawn twice, the page still names each thing once.
            let ids = html.matches(of: #/ id="([^"]+)"/#).map { String($0.1) }
            #expect(Set(ids).count == ids.count)
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
