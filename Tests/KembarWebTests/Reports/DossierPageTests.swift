import Foundation
import HTTPTypes
import KembarCore
import KembarTestSupport
import Testing

/// A partnership's printable dossier.
@Suite struct DossierPageTests {
    static let dossier = "/partnerships/bandung/bandung-liuzhou/dossier"

    @Test func holdsTheWholeRecordScorecardDocumentsAndContacts() async throws {
        try await WebHarness.with { site in
            let officer = try await site.signedIn(.officer, organizationID: "bandung", email: "rina@bandung.example")
            _ = try await site.signedIn(
                .partner, organizationID: "bandung", partnershipID: "bandung-liuzhou", email: "wei@liuzhou.example")
            _ = try await site.signedIn(
                .partner, organizationID: "bandung", partnershipID: "bandung-seoul", email: "kim@seoul.example")
            let page = try await officer.get(Self.dossier)
            #expect(page.status == .ok)
            #expect(page.html.hasPrefix("<!DOCTYPE html>\n<html lang=\"id\">"))
            #expect(page.html.contains("<link rel=\"stylesheet\" href=\"/static/kembar.css\">"))
            #expect(page.html.contains("<link rel=\"stylesheet\" href=\"/static/report.css\">"))
            let text = page.text
            #expect(text.contains("Dosier kemitraan Bandung – Liuzhou"))
            // The people to ask: the office, Liuzhou's liaison (not Seoul's), the signatories.
            #expect(page.html.contains("mailto:rina@bandung.example"))
            #expect(page.html.contains("mailto:wei@liuzhou.example"))
            #expect(!page.html.contains("kim@seoul.example"))
            #expect(text.contains("Dada Rosada — Wali Kota Bandung · Bandung · MoU 21 September 2006"))
            // The scorecard, the alarms, the timeline and the whole record with its documents.
            for element in KeyElement.allCases {
                #expect(page.html.contains("id=\"element-\(element.rawValue)\""))
            }
            #expect(page.html.contains("<svg"))
            #expect(text.contains("Kelompok Kerja Bersama bertemu setiap tahun"))
            let record = try Fixtures.demoRecord().partnerships.first { $0.id == "bandung-liuzhou" }!
            for activity in record.activities { #expect(text.contains(activity.title), "\(activity.id)") }
            for document in record.documents { #expect(text.contains(document.title), "\(document.id)") }
            // Printed, not worked on: no forms, no edit links.
            #expect(!page.html.contains("<form"))
            #expect(!page.html.contains("/edit\""))
            #expect(page.html.contains("href=\"/partnerships/bandung/bandung-liuzhou\""))
        }
    }

    @Test func speaksTheReadersLanguage() async throws {
        try await WebHarness.with { site in
            let page = try await site.get(Self.dossier, language: "en")
            #expect(page.html.contains("<html lang=\"en\">"))
            #expect(page.text.contains("Partnership dossier: Bandung – Liuzhou"))
            #expect(page.text.contains("Signatories of the agreements"))
        }
    }

    @Test func thePartnershipPageLeadsToItForTheHomeGovernmentOnly() async throws {
        try await WebHarness.with(signedIn: false) { site in
            let viewer = try await site.signedIn(.viewer, organizationID: "bandung")
            #expect(
                try await viewer.get("/partnerships/bandung/bandung-liuzhou").html.contains("href=\"\(Self.dossier)\""))
            #expect(try await viewer.get(Self.dossier).status == .ok)
            let partner = try await site.signedIn(.partner, organizationID: "bandung", partnershipID: "bandung-liuzhou")
            #expect(!(try await partner.get("/partnerships/bandung/bandung-liuzhou").html.contains(Self.dossier)))
            #expect(try await partner.get(Self.dossier).status == .forbidden)
            #expect(try await site.get(Self.dossier).status == .seeOther)
            #expect(try await viewer.get("/partnerships/bandung/no-such/dossier").status == .notFound)
        }
    }
}
