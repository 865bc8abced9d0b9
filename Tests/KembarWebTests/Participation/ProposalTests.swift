import Foundation
import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import KembarWeb
import Testing

/// Community proposals: the public form, its spam defences, and the officers' decisions.
@Suite struct ProposalTests {
    static let form = "/public/bandung/partnerships/bandung-liuzhou/propose"
    static let review = "/review/bandung/bandung-liuzhou/proposals"

    /// A public browser with the form's cookie and token, as after opening the form.
    static func publicBrowser(_ site: WebHarness) async throws -> (cookie: String, token: String) {
        let page = try await site.anonymous.get(form)
        let cookie = page.headers[.setCookie].flatMap { $0.split(separator: ";").first.map(String.init) } ?? ""
        return (cookie, formFields(page.html).first { $0.0 == "_csrf" }?.1 ?? "")
    }

    static func propose(
        _ site: WebHarness, _ fields: [(String, String)], from address: String = "192.0.2.1"
    ) async throws -> WebHarness.Page {
        let (cookie, token) = try await publicBrowser(site)
        return try await site.anonymous.post(
            form, [("_csrf", token)] + fields, formToken: false,
            headers: [.cookie: cookie, .init("X-Forwarded-For")!: address])
    }

    static let valid = [
        ("name", "Ani <b>Lestari</b>"), ("organisation", "SMPN 5 Bandung"), ("group", "school"),
        ("contact", "ani@example.org"), ("idea", "A pupils' mural exchange\nwith a school in Liuzhou"),
        ("area", ""), ("website", ""),
    ]

    static func withSite(_ body: @escaping @Sendable (WebHarness) async throws -> Void) async throws {
        try await WebHarness.with(security: SecuritySettings(trustForwardedFor: true, passwords: testPasswords), body)
    }

    static func stored(_ site: WebHarness) async throws -> [Proposal] {
        try await ProposalStore(database: site.database).proposals(
            organizationID: "bandung", partnershipID: "bandung-liuzhou")
    }

    @Test func theFormHasEveryFieldLabelledAndATrapForRobots() async throws {
        try await Self.withSite { site in
            let page = try await site.anonymous.get(Self.form, language: "en")
            #expect(page.status == .ok)
            for name in ["name", "organisation", "group", "contact", "idea", "area", "website"] {
                #expect(page.html.contains("name=\"\(name)\""), "\(name)")
            }
            #expect(page.html.contains("<div class=\"trap\" aria-hidden=\"true\">"))
        }
    }

    @Test func aProposalIsKeptForReviewAndShownEscaped() async throws {
        try await Self.withSite { site in
            let page = try await Self.propose(site, Self.valid)
            #expect(page.status == .ok)
            #expect(page.text.contains("Terima kasih"))
            // Promised only what the office does: no contact is promised until e-mail exists.
            #expect(page.text.contains("Kantor kerja sama akan meninjau usulan Anda"))
            #expect(!page.text.contains("dihubungi"))
            let proposals = try await Self.stored(site)
            #expect(proposals.count == 1)
            #expect(proposals.first?.group == .school)
            #expect(proposals.first?.status == .pending)
            let review = try await site.get(Self.review)
            #expect(review.html.contains("Ani &lt;b&gt;Lestari&lt;/b&gt;"))
            #expect(!review.html.contains("<b>Lestari"))
            #expect(
                try await site.get("/partnerships/bandung/bandung-liuzhou").text.contains(
                    "Usulan masyarakat (1 menunggu)"))
        }
    }

    @Test func aFilledTrapIsThankedAndForgotten() async throws {
        try await Self.withSite { site in
            let page = try await Self.propose(site, setting(Self.valid, "website", "http://spam.example"))
            #expect(page.status == .ok)
            #expect(try await Self.stored(site).isEmpty)
        }
    }

    @Test func oneAddressMaySendOnlyAFewAnHour() async throws {
        try await Self.withSite { site in
            for _ in 0..<5 { #expect(try await Self.propose(site, Self.valid).status == .ok) }
            let sixth = try await Self.propose(site, Self.valid)
            #expect(sixth.status == .tooManyRequests)
            #expect(try await Self.stored(site).count == 5)
            #expect(try await Self.propose(site, Self.valid, from: "192.0.2.2").status == .ok)
        }
    }

    @Test func badInputIsNamedFieldByFieldAndNothingIsKept() async throws {
        try await Self.withSite { site in
            let cases: [(String, String, String)] = [
                ("name", "", "error_required"), ("name", String(repeating: "n", count: 301), "too long"),
                ("contact", "ani\u{0007}@example.org", "control"),
                ("idea", String(repeating: "i", count: 2_001), "too long"),
                ("group", "government", "choice"), ("group", "12", "choice"), ("area", "not an agreed area", "choice"),
            ]
            for (field, value, why) in cases {
                let page = try await Self.propose(site, setting(Self.valid, field, value))
                #expect(page.status == .unprocessableContent, "\(field) \(why)")
                #expect(page.html.contains("id=\"field-\(field)-error\""), "\(field) \(why)")
            }
            #expect(try await Self.stored(site).isEmpty)
        }
    }

    @Test func acceptingMakesAPlannedActivityWithTheProposerAsPlanner() async throws {
        try await Self.withSite { site in
            _ = try await Self.propose(site, Self.valid)
            let id = try #require(try await Self.stored(site).first?.id)
            let page = try await site.post(
                "\(Self.review)/\(id)",
                [
                    ("decision", "accept"), ("title-\(id)", "Mural exchange"), ("start-\(id)", "2027-04"),
                    ("kind-\(id)", "exchange"), ("public-\(id)", "yes"),
                ])
            #expect(page.status == .seeOther)
            let partnership = try #require(
                try await site.storedRecord().partnerships.first { $0.id == "bandung-liuzhou" })
            let activity = try #require(partnership.activities.first { $0.title == "Mural exchange" })
            #expect(activity.start.description == "2027-04")
            #expect(activity.isPublic)
            #expect(activity.participants == [Participant(side: .home, group: .school, role: .planner)])
            let proposal = try #require(try await Self.stored(site).first)
            #expect(proposal.status == .accepted)
            #expect(proposal.activityID == activity.id)
            // Deciding twice is refused.
            let again = try await site.post("\(Self.review)/\(id)", [("decision", "decline"), ("reason-\(id)", "no")])
            #expect(again.status == .unprocessableContent)
            let history = try await site.get("/history/bandung/bandung-liuzhou").text
            #expect(history.contains("added planned activity \(activity.id) from proposal \(id)"))
        }
    }

    @Test func afterTheDecisionANoticeLeadsToTheNewPlannedActivity() async throws {
        try await Self.withSite { site in
            _ = try await Self.propose(site, Self.valid)
            let id = try #require(try await Self.stored(site).first?.id)
            let waiting = try await site.get(Self.review)
            // Received is "Masuk", on a day as people write it; "Diterima" is said of nothing.
            #expect(waiting.text.contains("Masuk"))
            #expect(!waiting.text.contains("Diterima"))
            #expect(waiting.text.contains("Menunggu keputusan"))
            let decided = try await site.post(
                "\(Self.review)/\(id)",
                [
                    ("decision", "accept"), ("title-\(id)", "Mural exchange"), ("start-\(id)", "April 2027"),
                    ("kind-\(id)", "exchange"), ("public-\(id)", "no"),
                ])
            let location = try #require(decided.headers[.location])
            #expect(location == "\(Self.review)?decided=\(id)#proposal-\(id)")
            let activity = try #require(
                try await site.storedRecord().partnerships.first { $0.id == "bandung-liuzhou" }?.activities.first {
                    $0.title == "Mural exchange"
                })
            #expect(!activity.isPublic)
            // A browser sends the address without its fragment.
            let address = String(location.prefix { $0 != "#" })
            let page = try await site.get(address)
            #expect(page.html.contains("<p class=\"notice\" role=\"status\">Disetujui. Kegiatan rencana"))
            #expect(page.text.contains("Disetujui"))
            #expect(!page.text.contains("Diterima"))
            #expect(
                page.html.contains(
                    "<a href=\"/partnerships/bandung/bandung-liuzhou#activity-\(activity.id)\">Kegiatan rencana: Mural exchange</a>"
                ))
            // The link stays with the decided proposal; the notice is said only right after.
            let later = try await site.get(Self.review)
            #expect(later.html.contains("Kegiatan rencana: Mural exchange"))
            #expect(!later.html.contains("role=\"status\""))
            let english = try await site.get(address, language: "en")
            #expect(english.text.contains("Accepted. The planned activity has been added"))
            #expect(english.text.contains("Planned activity: Mural exchange"))
        }
    }

    @Test func acceptingAsksWhetherToPublishAndKeepsNothingUntilAnswered() async throws {
        try await Self.withSite { site in
            _ = try await Self.propose(site, Self.valid)
            let id = try #require(try await Self.stored(site).first?.id)
            let before = try await site.storedRecord()
            let form = try await site.get(Self.review)
            // Neither answer is chosen beforehand.
            #expect(form.html.contains("name=\"public-\(id)\" value=\"yes\" required>"))
            #expect(form.html.contains("name=\"public-\(id)\" value=\"no\" required>"))
            let page = try await site.post(
                "\(Self.review)/\(id)",
                [
                    ("decision", "accept"), ("title-\(id)", "Mural exchange"), ("start-\(id)", "2027-04"),
                    ("kind-\(id)", "exchange"),
                ])
            #expect(page.status == .unprocessableContent)
            #expect(page.html.contains("id=\"field-public-\(id)-error\""))
            #expect(try await site.storedRecord() == before)
            #expect(try await Self.stored(site).first?.status == .pending)
        }
    }

    @Test func aLongIdeaIsOfferedAsAShortTitleAndAcceptedUnderAnUnusedID() async throws {
        try await Self.withSite { site in
            let idea = "Kunjungan " + String(repeating: "budaya ", count: 20) + "ke Liuzhou\nDengan rincian"
            _ = try await Self.propose(site, setting(Self.valid, "idea", idea))
            let id = try #require(try await Self.stored(site).first?.id)
            let offered = formFields(try await site.get(Self.review).html).first { $0.0 == "title-\(id)" }?.1 ?? ""
            #expect(offered.hasPrefix("Kunjungan budaya") && offered.hasSuffix("…") && offered.count <= 81)
            // A title whose id is taken gets the next free one.
            let page = try await site.post(
                "\(Self.review)/\(id)",
                [
                    ("decision", "accept"), ("title-\(id)", "Kebun binatang"), ("start-\(id)", "2027"),
                    ("kind-\(id)", "visit"), ("public-\(id)", "no"),
                ])
            #expect(page.status == .seeOther)
            let ids = try await site.storedRecord().partnerships.first { $0.id == "bandung-liuzhou" }?.activities.map(
                \.id)
            #expect(ids?.contains("kebun-binatang-2") == true)
        }
    }

    @Test func decliningNeedsAReasonAndKeepsIt() async throws {
        try await Self.withSite { site in
            _ = try await Self.propose(site, Self.valid)
            let id = try #require(try await Self.stored(site).first?.id)
            let before = try await site.storedRecord()
            let empty = try await site.post("\(Self.review)/\(id)", [("decision", "decline"), ("reason-\(id)", " ")])
            #expect(empty.status == .unprocessableContent)
            #expect(try await Self.stored(site).first?.status == .pending)
            let done = try await site.post(
                "\(Self.review)/\(id)", [("decision", "decline"), ("reason-\(id)", "Already planned for 2027")])
            #expect(done.status == .seeOther)
            let proposal = try #require(try await Self.stored(site).first)
            #expect(proposal.status == .declined)
            #expect(proposal.reason == "Already planned for 2027")
            #expect(try await site.storedRecord() == before)
        }
    }

    @Test func onlyOfficersOfTheGovernmentDecide() async throws {
        try await Self.withSite { site in
            _ = try await Self.propose(site, Self.valid)
            let id = try #require(try await Self.stored(site).first?.id)
            let viewer = try await site.signedIn(.viewer, organizationID: "bandung")
            let partner = try await site.signedIn(.partner, organizationID: "bandung", partnershipID: "bandung-liuzhou")
            for who in [viewer, partner] {
                let page = try await who.post("\(Self.review)/\(id)", [("decision", "decline"), ("reason-\(id)", "x")])
                #expect(page.status == .forbidden)
            }
            #expect(
                try await site.post(
                    "/review/bandung/bandung-seoul/proposals/\(id)", [("decision", "decline"), ("reason-\(id)", "x")]
                ).status == .notFound)
            #expect(try await Self.stored(site).first?.status == .pending)
        }
    }
}
