import Foundation
import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import Synchronization
import Testing

/// The portfolio opens on what waits for the office, each line leading to where it is acted on.
@Suite struct ToDoPanelTests {
    private func panel(_ html: String) -> String {
        guard let start = html.range(of: "<section class=\"to-do\""),
            let end = html[start.lowerBound...].range(of: "</section>")
        else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func listsWhatFallsDueWithALinkToIt() async throws {
        try await WebHarness.with { site in
            let html = panel(try await site.get("/").html)
            #expect(html.contains("Perlu ditindaklanjuti"))
            #expect(html.contains("Kewajiban jatuh tempo dalam 90 hari ke depan"))
            #expect(
                html.contains(
                    "href=\"/partnerships/bandung/bandung-liuzhou#obligation-jwg-meeting\">Liuzhou: Kelompok Kerja Bersama bertemu setiap tahun, bergantian di Bandung dan Liuzhou, jatuh tempo 31 Desember 2026"
                ))
            let english = panel(try await site.get("/", language: "en").html)
            #expect(english.contains("Obligations falling due in the next 90 days"))
        }
    }

    @Test func aProposalWaitingIsSaidInThePanelAndTheNavigationOfThoseWhoDecide() async throws {
        try await ProposalTests.withSite { site in
            #expect(!(try await site.get("/").html.contains("Perlu keputusan")))
            #expect(try await ProposalTests.propose(site, ProposalTests.valid).status == .ok)
            let page = try await site.get("/")
            #expect(page.html.contains("<a href=\"/#to-do\">Perlu keputusan (1)</a>"))
            #expect(
                panel(page.html).contains("href=\"/review/bandung/bandung-liuzhou/proposals\">Liuzhou: 1 usulan</a>"))
            // On every page of the officer, not only the portfolio.
            #expect(try await site.get("/map").html.contains("Perlu keputusan (1)"))
            // Leadership reads the portfolio but decides nothing.
            let viewer = try await site.signedIn(.viewer, organizationID: "bandung")
            let viewed = try await viewer.get("/")
            #expect(!viewed.html.contains("Perlu keputusan"))
            #expect(!panel(viewed.html).contains("usulan"))
            // An administrator of the whole deployment decides in every government.
            let deployment = try await site.signedIn(.admin, organizationID: nil)
            #expect(try await deployment.get("/map").html.contains("Perlu keputusan (1)"))
            // Once decided, nothing waits: the count leaves the navigation of every page.
            let id = try #require(try await ProposalTests.stored(site).first?.id)
            _ = try await site.post(
                "\(ProposalTests.review)/\(id)", [("decision", "decline"), ("reason-\(id)", "Not this year")])
            #expect(!(try await site.get("/map").html.contains("Perlu keputusan")))
            #expect(!(try await site.get("/").html.contains("Perlu keputusan")))
            #expect(!(try await deployment.get("/map").html.contains("Perlu keputusan")))
        }
    }

    @Test func missedObligationsAreThoseSinceThePersonsLastVisit() async throws {
        let day = Mutex(testToday)
        let today: @Sendable () -> CalendarDay = { day.withLock { $0 } }
        try await WebHarness.with(today: today) { site in
            let first = panel(try await site.get("/").html)
            #expect(first.contains("Kemitraan yang menjadi dorman dalam 90 hari terakhir") || !first.contains("dorman"))
            // Next year, after the meeting of 2026 went unmet: since the visit of 29 November.
            day.withLock { $0 = CalendarDay(year: 2027, month: 1, day: 4)! }
            // The new day's evaluations are computed beside the first pages that ask for them.
            var next = panel(try await site.get("/").html)
            for _ in 0..<2_000 where !next.contains("2027") && !next.contains("terlewat sejak") {
                try await Task.sleep(for: .milliseconds(5))
                next = panel(try await site.get("/").html)
            }
            #expect(next.contains("Kewajiban terlewat sejak kunjungan terakhir Anda (29 November 2026)"))
            #expect(
                next.contains(
                    "Liuzhou: Kelompok Kerja Bersama bertemu setiap tahun, bergantian di Bandung dan Liuzhou, jatuh tempo 31 Desember 2026"
                ))
            // The same day again: the same since.
            let again = try await site.get("/").html
            #expect(panel(again).contains("sejak kunjungan terakhir Anda (29 November 2026)"))
        }
    }

    @Test func anEmptyPanelSaysThereIsNothingToDo() async throws {
        var record = Fixtures.minimalRecord()
        record.partnerships[0].activities[0].start = try PartialDate(parsing: "2026-10")
        try await WebHarness.with(record: record) { site in
            let html = try await site.get("/").html
            #expect(panel(html).contains("Tidak ada yang menunggu Anda"))
        }
    }
}
