import Foundation
import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// A save costs what it changed: another government's evaluations and pages stay as they were,
/// and in the government that saved only the partnership changed is evaluated again.
@Suite struct CacheScopeTests {
    /// A second government beside the demonstration's.
    static let other = SyntheticRecord.make(
        .government(1, of: 1, partnerships: 6, activities: 60, seed: 11))
    static let liuzhou = "/partnerships/bandung/bandung-liuzhou"

    @Test func aSaveInOneGovernmentLeavesAnothersEvaluationsUncomputed() async throws {
        let counter = EvaluationCounter()
        let otherID = Self.other.organization.id
        try await WebHarness.with(others: [Self.other], observer: counter) { site in
            let ministry = try await site.signedIn(.admin, organizationID: nil)
            let both = try await ministry.get("/")
            #expect(both.status == .ok)
            #expect(counter.count("bandung") == 10)
            #expect(counter.count(otherID) == Self.other.partnerships.count)
            let otherPage = "/partnerships/\(otherID)/\(Self.other.partnerships[2].id)"
            #expect(try await ministry.get(otherPage).status == .ok)
            #expect(counter.count(otherID) == Self.other.partnerships.count)

            // An officer of Bandung changes an activity of Liuzhou.
            let activity = try Fixtures.demoRecord().partnerships[0].activities[0]
            let form = Self.liuzhou + "/activities/\(activity.id)/edit"
            let fields = formFields(try await site.get(form).html)
            #expect(try await site.post(form, setting(fields, "title", "Judul yang diubah")).status == .seeOther)

            // The other government: nothing computed again, its pages as they were.
            #expect(try await ministry.get(otherPage).status == .ok)
            #expect(try await ministry.get("/?organization=\(otherID)").status == .ok)
            #expect(counter.count(otherID) == Self.other.partnerships.count)
            // Bandung: Liuzhou alone is evaluated again, and shows the change.
            #expect(try await ministry.get("/").status == .ok)
            #expect(counter.count("bandung", "bandung-liuzhou") == 2)
            #expect(counter.count("bandung") == 11)
            #expect(try await ministry.get(Self.liuzhou).text.contains("Judul yang diubah"))
            #expect(counter.count("bandung") == 11)
        }
    }

    @Test func aNewPartnershipChangesItsGovernmentsLoadAndNothingElse() async throws {
        let counter = EvaluationCounter()
        let otherID = Self.other.organization.id
        try await WebHarness.with(others: [Self.other], observer: counter) { site in
            let ministry = try await site.signedIn(.admin, organizationID: nil)
            _ = try await ministry.get("/")
            let fields: [(String, String)] = [
                ("organization", "bandung"), ("id", "bandung-hamamatsu"), ("kind", "sister-city"), ("partner", ""),
                ("partner_name", "Hamamatsu"), ("partner_country", "JP"), ("partner_kind", "city"), ("save", "yes"),
            ]
            #expect(try await site.post("/partnerships/new", fields).status == .seeOther)
            let page = try await ministry.get("/")
            #expect(page.text.contains("Hamamatsu"))
            // Every Bandung partnership counts the office's load anew; the other government is untouched.
            #expect(counter.count("bandung") == 10 + 11)
            #expect(counter.count(otherID) == Self.other.partnerships.count)
        }
    }

    @Test func theCachesKeepToTheirBudget() async throws {
        let counter = EvaluationCounter()
        // Room for a few partnerships only: reading them all again evaluates them again.
        try await WebHarness.with(cacheBytes: 64 * 1024, observer: counter) { site in
            #expect(try await site.get("/").status == .ok)
            let first = counter.count("bandung")
            #expect(first == 10)
            for partnership in try Fixtures.demoRecord().partnerships {
                #expect(try await site.get("/partnerships/bandung/\(partnership.id)").status == .ok)
            }
            #expect(counter.count("bandung") > first)
        }
    }
}
