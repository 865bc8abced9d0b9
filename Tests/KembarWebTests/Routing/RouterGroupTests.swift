import HTTPTypes
import KembarCore
import KembarDocuments
import KembarTestSupport
import Testing

@testable import KembarWeb

/// The site's pages and the API are two groups: the pages read the session and check form
/// tokens; the API reads bearer tokens only. Refusals are pages in the visitor's own navigation.
@Suite struct RouterGroupTests {
    private let liuzhou = "/partnerships/bandung/bandung-liuzhou"

    @Test func theAPIDoesNotTakeTheSessionCookie() async throws {
        try await WebHarness.with { site in
            let answer = try await site.download("/api/v1/organizations")
            #expect(answer.status == .unauthorized)
            #expect(answer.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func refusalsAndUnknownAddressesKeepTheVisitorsNavigation() async throws {
        try await WebHarness.with { site in
            let viewer = try await site.signedIn(.viewer, organizationID: "bandung")
            let forbidden = try await viewer.get(liuzhou + "/edit", language: "en")
            #expect(forbidden.status == .forbidden)
            #expect(forbidden.html.contains("Test viewer"))
            let unknown = try await viewer.get("/no-such-page", language: "en")
            #expect(unknown.status == .notFound)
            #expect(unknown.html.contains("Test viewer"))
            #expect(unknown.html.contains("href=\"/sign-out\""))
        }
    }

    @Test func aRefusedUploadIsNotReadAndAnAcceptedOneNeedsTheFormToken() async throws {
        let intake = DocumentIntake(limits: IntakeLimits(maximumBytes: 1024), pdf: PDFText(program: nil))
        try await WebHarness.with(intake: intake) { site in
            let big = ("file", "besar.txt", [UInt8](repeating: 0x61, count: 200 * 1024))
            let viewer = try await site.signedIn(.viewer, organizationID: "bandung")
            // Refused by role before its body is read: not "too large".
            let refused = try await viewer.upload(liuzhou + "/documents/new", [("title", "Besar")], file: big)
            #expect(refused.status == .forbidden)
            let forged = try await site.upload(
                liuzhou + "/documents/new", [("_csrf", "forged"), ("title", "Kecil")],
                file: ("file", "kecil.txt", Array("isi".utf8)))
            #expect(forged.status == .forbidden)
            #expect(try await site.storedRecord().partnerships.flatMap(\.documents).allSatisfy { $0.title != "Kecil" })
        }
    }
}
