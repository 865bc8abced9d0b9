import Foundation
import HTTPTypes
import KembarCore
import KembarTestSupport
import Testing

/// A document is uploaded from the activity it belongs to: the activity's entry and its form lead
/// to the upload form with the activity chosen, and saving returns to the activity.
@Suite struct ActivityUploadTests {
    static let liuzhou = DocumentPageTests.liuzhou
    static let activity = "lomba-lagu-2022"
    static let form = liuzhou + "/documents/new?activity=" + activity

    @Test func theActivityAndItsFormLeadToTheUploadWithTheActivityChosen() async throws {
        try await WebHarness.with { site in
            let page = try await site.get(Self.liuzhou)
            #expect(page.html.contains("<a href=\"\(Self.form)\">Unggah dokumen kegiatan ini</a>"))
            let edit = try await site.get(Self.liuzhou + "/activities/\(Self.activity)/edit")
            #expect(edit.html.contains("<p class=\"related\"><a href=\"\(Self.form)\">"))
            // Readers who cannot edit are not offered it.
            let viewer = try await site.signedIn(.viewer, organizationID: "bandung")
            #expect(!(try await viewer.get(Self.liuzhou).html.contains("documents/new?activity=")))

            let upload = try await site.get(Self.form)
            #expect(upload.status == .ok)
            #expect(upload.html.contains("value=\"\(Self.activity)\" checked"))
            let title = try #require(
                try await site.storedRecord().partnerships.first { $0.id == "bandung-liuzhou" }?.activities.first {
                    $0.id == Self.activity
                }?.title)
            #expect(upload.text.contains("Dokumen ini akan menjadi bagian dari kegiatan \"\(title)\"."))
            #expect(upload.html.contains("href=\"\(Self.liuzhou)#activity-\(Self.activity)\""))
        }
    }

    @Test func savingReturnsToTheActivityWithTheDocumentInIt() async throws {
        try await WebHarness.with { site in
            let page = try await site.upload(
                Self.liuzhou + "/documents/new",
                DocumentPageTests.aboutFields(activity: Self.activity) + [("for_activity", Self.activity)],
                file: ("file", "notulen-jwg.txt", Array(DocumentPageTests.minutes.utf8)))
            #expect(page.status == .seeOther, "\(page.text)")
            #expect(page.headers[.location] == Self.liuzhou + "?saved=document#activity-\(Self.activity)")
            let partnership = try #require(
                try await site.storedRecord().partnerships.first { $0.id == "bandung-liuzhou" })
            let activity = try #require(partnership.activities.first { $0.id == Self.activity })
            #expect(activity.documents.contains("notulen-jwg-2024"))
            let back = try await site.get(Self.liuzhou + "?saved=document")
            #expect(back.text.contains("Tersimpan: dokumen."))
            #expect(back.text.contains("Notulen JWG 2024"))
        }
    }

    @Test func anUnknownActivityIsIgnoredAndTheUploadIsTheUsualOne() async throws {
        try await WebHarness.with { site in
            let upload = try await site.get(Self.liuzhou + "/documents/new?activity=no-such")
            #expect(upload.status == .ok)
            #expect(!upload.html.contains("for_activity"))
            #expect(!upload.html.contains(" checked"))
        }
    }
}
