import Foundation
import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// The public portal shows partnerships and public activities, and nothing else of the record.
@Suite struct PublicPortalTests {
    /// The demonstration with one more activity that is not public, under a title found nowhere else.
    static func recordWithASecret() throws -> CooperationRecord {
        var record = try Fixtures.demoRecord()
        let index = record.partnerships.firstIndex { $0.id == "bandung-liuzhou" }!
        record.partnerships[index].activities.append(
            Activity(
                id: "confidential-talks", title: "Confidential budget talks ZX-41",
                start: try PartialDate(parsing: "2026-03"),
                kind: .meeting, host: .home, initiator: .home, isPublic: false))
        return record
    }

    @Test func noUnpublishedTitleAppearsOnAnyPublicPageOrInTheFeed() async throws {
        let record = try Self.recordWithASecret()
        try await WebHarness.with(record: record, signedIn: false) { site in
            var pages = ["/public", "/public/bandung", "/public/bandung/feed.atom"]
            pages += record.partnerships.map { "/public/bandung/partnerships/\($0.id)" }
            pages += record.partnerships.map { "/public/bandung/partnerships/\($0.id)/propose" }
            var everything = ""
            for path in pages {
                for language in ["id", "en"] {
                    let page = try await site.get(path, language: language)
                    #expect(page.status == .ok, "\(path)")
                    everything += page.html
                }
            }
            let activities = record.partnerships.flatMap(\.activities)
            let unpublished = activities.filter { !$0.isPublic }
            #expect(unpublished.count >= 2)
            for activity in unpublished {
                #expect(!everything.contains(activity.title), "unpublished \(activity.id) leaked")
                #expect(!everything.contains(xmlEscaped(activity.title)), "unpublished \(activity.id) leaked")
            }
            for activity in activities where activity.isPublic {
                #expect(everything.contains(xmlEscaped(activity.title)), "public \(activity.id) missing")
            }
            // Nor the evaluation, the alarms, the costs or the people's assessments (read without
            // the forms' random tokens, which may hold any three letters).
            let readable = everything.replacing(/name="_csrf" value="[^"]*"/, with: "")
            for word in ["Kartu skor", "Scorecard", "alarm", "Alarm", "IDR", "CNY"] {
                #expect(!readable.contains(word), "\(word)")
            }
        }
    }

    @Test func theFeedIsAnAtomDocumentOfThePublicActivitiesNewestFirst() async throws {
        try await WebHarness.with(signedIn: false) { site in
            let feed = try await site.get("/public/bandung/feed.atom")
            #expect(feed.headers[.contentType] == "application/atom+xml; charset=utf-8")
            #expect(
                feed.html.hasPrefix(
                    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
            let updated = feed.html.matches(of: /<entry>.*?<updated>([^<]+)<\/updated>/.dotMatchesNewlines()).map {
                String($0.1)
            }
            let published = try Fixtures.demoRecord().partnerships.flatMap(\.activities).filter(\.isPublic)
            #expect(updated.count == published.count)
            #expect(updated == updated.sorted(by: >))
            #expect(feed.html.contains("<link rel=\"self\" href=\"http://"))
            #expect(try await site.get("/public/no-such-government/feed.atom").status == .notFound)
            // Feed readers find it from the portal's pages.
            for path in ["/public/bandung", "/public/bandung/partnerships/bandung-liuzhou"] {
                #expect(
                    try await site.get(path).html.contains(
                        "<link rel=\"alternate\" type=\"application/atom+xml\""), "\(path)")
            }
        }
    }

    @Test func aPartnershipsPublicPageInvitesProposals() async throws {
        try await WebHarness.with(signedIn: false) { site in
            let page = try await site.get("/public/bandung/partnerships/bandung-liuzhou", language: "en")
            #expect(page.status == .ok)
            #expect(page.text.contains("Propose an activity"))
            #expect(page.html.contains("href=\"/public/bandung/partnerships/bandung-liuzhou/propose\""))
            #expect(try await site.get("/public/bandung/partnerships/no-such").status == .notFound)
        }
    }
}

func xmlEscaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
}
