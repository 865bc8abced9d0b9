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
                    ("kind-\(id)", "visit"),
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
