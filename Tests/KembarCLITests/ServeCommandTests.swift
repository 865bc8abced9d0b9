import Foundation
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

@Suite struct ServeCommandTests {
    @Test func loadsTheDemonstrationPortfolioIntoAnEmptyDatabaseAndServesIt() async throws {
        try await TestDatabase.withFresh { database in
            let server = try await RunningServer.start([], environment: database.environment)
            let page = try await server.get("/")
            let health = try await server.get("/health")
            let status = await server.stop()
            #expect(page.status == 200)
            #expect(page.body.contains("Liuzhou"))
            #expect(health.body == "ok")
            #expect(server.printed.contains("Loaded the demonstration portfolio"))
            #expect(status == 0, "\(server.printed)")
        }
    }

    @Test func leavesAnEmptyDatabaseEmptyWithNoDemo() async throws {
        try await TestDatabase.withFresh { database in
            let server = try await RunningServer.start(["--no-demo"], environment: database.environment)
            let page = try await server.get("/")
            _ = await server.stop()
            #expect(page.body.contains("kembar import"))
            #expect(!server.printed.contains("Loaded the demonstration portfolio"))
        }
    }

    @Test func keepsAnExistingRecordAndAddsNoDemo() async throws {
        try await TestDatabase.withFresh { database in
            let store = try await database.open()
            do {
                try await Migrator.migrate(store, logger: TestDatabase.logger)
                try await RecordStore(database: store).importRecord(
                    Fixtures.minimalRecord(), actor: "test", source: "fixture")
                try await store.close()
            } catch {
                try? await store.close()
                throw error
            }
            let server = try await RunningServer.start([], environment: database.environment)
            let page = try await server.get("/")
            _ = await server.stop()
            #expect(page.body.contains("Partner City"))
            #expect(!page.body.contains("Liuzhou"))
        }
    }

    @Test func scoresWithThePolicyItIsGiven() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kembar-policy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let policy = directory.appendingPathComponent("strict.json")
        try Data(
            #"{"format": "kembar-policy/1", "name": "strict", "dormancyDays": 180, "officeLoad": {"alarm": 10}}"#.utf8
        ).write(to: policy)
        try await TestDatabase.withFresh { database in
            let server = try await RunningServer.start(["--policy", policy.path], environment: database.environment)
            let page = try await server.get("/partnerships/bandung/bandung-liuzhou?lang=en")
            let portfolio = try await server.get("/")
            _ = await server.stop()
            #expect(page.body.contains("policy “strict”"))
            #expect(page.body.contains("dormant after 180 days"))
            // 7.75 partnerships per officer is within this policy's limit of 10.
            #expect(portfolio.body.contains("<p class=\"load\">"))
            #expect(!page.body.contains("office overloaded"))
        }
    }

    @Test func refusesAnUnreadablePolicy() async throws {
        let outcome = try await KembarProcess.run(["serve", "--policy", "/no/such/policy.json"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("cannot read the policy /no/such/policy.json"))
    }

    @Test func refusesAPortOutOfRange() async throws {
        let outcome = try await KembarProcess.run(["serve", "--port", "70000"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("--port"))
    }
}
