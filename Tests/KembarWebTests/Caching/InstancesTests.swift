import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KembarCore
import KembarStore
import KembarTestSupport
import KembarWeb
import Synchronization
import Testing

/// Several Kembar instances on one database, and a day that ends while they serve.
@Suite struct InstancesTests {
    static let liuzhou = "/partnerships/bandung/bandung-liuzhou"

    /// Two sites on one database, each with connections of its own, as two instances behind a proxy
    /// have; `second` looks at the revision on every request.
    private func withTwoInstances(
        _ body: @escaping @Sendable (WebHarness, WebHarness, EvaluationCounter) async throws -> Void
    ) async throws {
        try await TestDatabase.withFresh { test in
            let first = try await test.open()
            let second = try await test.open()
            do {
                try await Migrator.migrate(first, logger: TestDatabase.logger)
                try await RecordStore(database: first).importRecord(
                    try Fixtures.demoRecord(), actor: "test", source: "fixture")
                let counter = EvaluationCounter()
                let renderer = try await PageRenderer.bundled()
                let security = SecuritySettings(passwords: testPasswords)
                let one = try Site(database: first, renderer: renderer, security: security, today: { testToday })
                let two = try Site(
                    database: second, renderer: renderer, security: security, observer: counter,
                    revisionFreshness: .zero, today: { testToday })
                try await Application(router: buildRouter(site: one)).test(.router) { oneClient in
                    try await Application(router: buildRouter(site: two)).test(.router) { twoClient in
                        let a = try await WebHarness(client: oneClient, database: first)
                            .signedIn(.officer, organizationID: "bandung")
                        // The session is in the database: the same browser on either instance.
                        let b = WebHarness(client: twoClient, database: second, session: a.session)
                        try await body(a, b, counter)
                    }
                }
                try await first.close()
                try await second.close()
            } catch {
                try? await first.close()
                try? await second.close()
                throw error
            }
        }
    }

    @Test func aSaveOnOneInstanceIsSeenOnTheOtherWithoutReloadingAnythingElse() async throws {
        try await withTwoInstances { a, b, counter in
            #expect(try await b.get("/").status == .ok)
            #expect(try await b.get(Self.liuzhou).status == .ok)
            #expect(counter.count("bandung") == 10)

            let activity = try Fixtures.demoRecord().partnerships[0].activities[0]
            let form = Self.liuzhou + "/activities/\(activity.id)/edit"
            let fields = formFields(try await a.get(form).html)
            #expect(try await a.post(form, setting(fields, "title", "Disimpan di instans pertama")).status == .seeOther)

            #expect(try await b.get(Self.liuzhou).text.contains("Disimpan di instans pertama"))
            #expect(try await b.get("/").status == .ok)
            #expect(counter.count("bandung", "bandung-liuzhou") == 2)
            #expect(counter.count("bandung") == 11)
        }
    }

    @Test func aNewDayIsComputedPartnershipByPartnershipWhileYesterdaysIsServed() async throws {
        let counter = EvaluationCounter()
        let day = Mutex(testToday)
        let today: @Sendable () -> CalendarDay = { day.withLock { $0 } }
        try await WebHarness.with(observer: counter, today: today) { site in
            let token = try await site.apiToken()
            let evaluation = "/api/v1/organizations/bandung/partnerships/bandung-liuzhou/evaluation"
            #expect(try await site.api(.get, evaluation, token: token).value(at: ["asOf"]) == .string("2026-11-29"))
            #expect(counter.count("bandung", "bandung-liuzhou") == 1)

            day.withLock { $0 = $0.adding(days: 1) }
            // Yesterday's evaluation answers at once; today's is computed beside it.
            let first = try await site.api(.get, evaluation, token: token)
            #expect(first.status == .ok)
            #expect(first.value(at: ["asOf"]) == .string("2026-11-29"))
            var asOf = first.value(at: ["asOf"])
            for _ in 0..<2_000 where asOf != .string("2026-11-30") {
                try await Task.sleep(for: .milliseconds(5))
                asOf = try await site.api(.get, evaluation, token: token).value(at: ["asOf"])
            }
            #expect(asOf == .string("2026-11-30"))
            #expect(counter.count("bandung", "bandung-liuzhou") == 2)
            // The other partnerships wait until they are asked for.
            #expect(counter.count("bandung") == 2)
        }
    }
}
