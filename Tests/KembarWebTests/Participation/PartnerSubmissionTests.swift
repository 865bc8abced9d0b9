import Foundation
import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// A partner city's liaison enters its own activities; the home officers confirm them.
@Suite struct PartnerSubmissionTests {
    static let contribute = "/contribute/bandung/bandung-liuzhou/activities/new"
    static let review = "/review/bandung/bandung-liuzhou/partner-activities"

    static func submit(_ partner: WebHarness, title: String) async throws -> WebHarness.Page {
        var fields = formFields(try await partner.get(contribute).html).filter { $0.0 != "_csrf" }
        fields = setting(fields, "title", title)
        fields = setting(fields, "start", "2026-10-12")
        fields = setting(fields, "kind", "visit")
        fields = setting(fields, "host", "home")
        fields = setting(fields, "initiator", "partner")
        fields = setting(fields, "public", "yes")
        fields = setting(fields, "participants.0.side", "partner")
        fields = setting(fields, "participants.0.group", "government")
        fields = setting(fields, "participants.0.role", "participant")
        fields = setting(fields, "participants.0.count", "6")
        return try await partner.post(contribute, fields + [("save", "yes")])
    }

    static func submissions(_ site: WebHarness) async throws -> [PartnerSubmission] {
        try await PartnerSubmissionStore(database: site.database).submissions(
            organizationID: "bandung", partnershipID: "bandung-liuzhou")
    }

    @Test func anEnteredActivityWaitsOutsideTheRecordUntilConfirmed() async throws {
        try await WebHarness.with { site in
            let partner = try await site.signedIn(
                .partner, organizationID: "bandung", partnershipID: "bandung-liuzhou", email: "liaison@liuzhou.example")
            let before = try await site.storedRecord()
            let page = try await Self.submit(partner, title: "Liuzhou delegation visits Bandung")
            #expect(page.status == .seeOther, "\(page.text)")
            #expect(page.headers[.location] == "/contribute/bandung/bandung-liuzhou/activities?saved=submission")
            let own = try await partner.get(page.headers[.location]!)
            #expect(own.text.contains("Menunggu keputusan"))
            // The liaison's navigation leads back to its one partnership.
            #expect(own.html.contains("<a href=\"/partnerships/bandung/bandung-liuzhou\">Kemitraan kami</a>"))
            #expect(try await site.storedRecord() == before)
            let pending = try #require(try await Self.submissions(site).first)
            #expect(pending.status == .pending)
            #expect(pending.enteredBy == "liaison@liuzhou.example (partner)")
            let review = try await site.get(Self.review)
            #expect(review.text.contains("Liuzhou delegation visits Bandung"))
            #expect(review.text.contains("liaison@liuzhou.example"))
            let confirmed = try await site.post("\(Self.review)/\(pending.id)", [("decision", "accept")])
            #expect(confirmed.status == .seeOther)
            let activity = try #require(
                try await site.storedRecord().partnerships.first { $0.id == "bandung-liuzhou" }?.activities.first {
                    $0.title == "Liuzhou delegation visits Bandung"
                })
            #expect(activity.initiator == .partner)
            #expect(activity.participants.first?.count == 6)
            #expect(try await Self.submissions(site).first?.status == .accepted)
            // Back on the review page, the confirmation is said and leads to the activity.
            let location = try #require(confirmed.headers[.location])
            #expect(location == "\(Self.review)?decided=\(pending.id)#submission-\(pending.id)")
            let after = try await site.get(String(location.prefix { $0 != "#" }))
            #expect(after.html.contains("<p class=\"notice\" role=\"status\">Dikonfirmasi."))
            #expect(
                after.html.contains(
                    "<a href=\"/partnerships/bandung/bandung-liuzhou#activity-\(activity.id)\">Dalam catatan: Liuzhou delegation visits Bandung</a>"
                ))
            // The record shows who entered it and who confirmed it, to the partner and to the office.
            for viewer in [site, partner] {
                let text = try await viewer.get("/partnerships/bandung/bandung-liuzhou").text
                #expect(text.contains("Dicatat oleh liaison@liuzhou.example (kota mitra), dikonfirmasi oleh"))
            }
        }
    }

    @Test func aReturnedActivityNeedsAReasonAndNeverJoinsTheRecord() async throws {
        try await WebHarness.with { site in
            let partner = try await site.signedIn(.partner, organizationID: "bandung", partnershipID: "bandung-liuzhou")
            _ = try await Self.submit(partner, title: "A visit that did not happen")
            let id = try #require(try await Self.submissions(site).first?.id)
            let before = try await site.storedRecord()
            #expect(
                try await site.post("\(Self.review)/\(id)", [("decision", "decline")]).status == .unprocessableContent)
            #expect(
                try await site.post("\(Self.review)/\(id)", [("decision", "decline"), ("reason-\(id)", "Wrong year")])
                    .status == .seeOther)
            #expect(try await Self.submissions(site).first?.status == .declined)
            #expect(try await Self.submissions(site).first?.reason == "Wrong year")
            #expect(try await site.storedRecord() == before)
            // The liaison sees what became of the entry, and why.
            let own = try await partner.get("/contribute/bandung/bandung-liuzhou/activities")
            #expect(own.text.contains("A visit that did not happen"))
            #expect(own.text.contains("Ditolak: Wrong year"))
        }
    }

    @Test func thePartnerCannotConfirmItsOwnEntriesNorEnterForAnotherPartnership() async throws {
        try await WebHarness.with { site in
            let partner = try await site.signedIn(.partner, organizationID: "bandung", partnershipID: "bandung-liuzhou")
            _ = try await Self.submit(partner, title: "Self-confirmed")
            let id = try #require(try await Self.submissions(site).first?.id)
            #expect(try await partner.post("\(Self.review)/\(id)", [("decision", "accept")]).status == .forbidden)
            #expect(try await partner.get("/contribute/bandung/bandung-seoul/activities/new").status == .notFound)
            #expect(try await Self.submissions(site).first?.status == .pending)
        }
    }

    @Test func badInputIsRefusedWithItsFieldAndNothingIsKept() async throws {
        try await WebHarness.with { site in
            let partner = try await site.signedIn(.partner, organizationID: "bandung", partnershipID: "bandung-liuzhou")
            let page = try await Self.submit(partner, title: "")
            #expect(page.status == .unprocessableContent)
            #expect(page.html.contains("id=\"field-title-error\""))
            #expect(try await Self.submissions(site).isEmpty)
        }
    }

    @Test func aRenamedPartnershipKeepsItsPartnerAccountProposalsAndEntries() async throws {
        try await WebHarness.with { site in
            let partner = try await site.signedIn(.partner, organizationID: "bandung", partnershipID: "bandung-liuzhou")
            _ = try await Self.submit(partner, title: "Waiting through a rename")
            let edit = "/partnerships/bandung/bandung-liuzhou/edit"
            let fields = formFields(try await site.get(edit).html).filter { $0.0 != "_csrf" }
            #expect(
                try await site.post(edit, setting(fields, "id", "bandung-liuzhou-2006") + [("save", "yes")]).status
                    == .seeOther)
            #expect(try await partner.get("/partnerships/bandung/bandung-liuzhou-2006").status == .ok)
            let waiting = try await site.get("/review/bandung/bandung-liuzhou-2006/partner-activities")
            #expect(waiting.text.contains("Waiting through a rename"))
        }
    }
}
