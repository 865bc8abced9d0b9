import Foundation
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

@Suite struct ServeCommandTests {
    @Test func loadsTheDemonstrationPortfolioIntoAnEmptyDatabaseAndServesIt() async throws {
        try await TestDatabase.withFresh { database in
            let server = try await RunningServer.start([], environment: database.environment)
            let page = try await server.get("/public/bandung")
            let health = try await server.get("/health")
            let printed = await server.printed(waitingFor: "Sign in at")
            // The sign-in the server prints works: with the one-time password, then with one's own.
            let password = printed.firstMatch(of: /one-time password ([A-Za-z0-9-]+)/).map { String($0.1) } ?? ""
            let browser = ServerBrowser(port: server.port)
            let signIn = try await browser.submit(
                "/sign-in", from: "/sign-in", [("email", "admin@kembar.example"), ("password", password)])
            let change = try await browser.submit(
                "/account/password", from: "/account/password",
                [("current", password), ("new", "a password of my own"), ("repeat", "a password of my own")])
            let portfolio = try await browser.get("/")
            let status = await server.stop()
            #expect(page.status == 200)
            #expect(page.body.contains("Liuzhou"))
            #expect(health.body == "ok")
            #expect(printed.contains("Loaded the demonstration portfolio"))
            #expect(printed.contains("and the twin-town directory ("))
            #expect(signIn.status == 303 && signIn.location == "/account/password", "\(signIn)")
            #expect(change.status == 303, "\(change.body)")
            #expect(portfolio.status == 200 && portfolio.body.contains("Liuzhou"))
            #expect(status == 0, "\(server.printed)")
        }
    }

    @Test func leavesAnEmptyDatabaseEmptyWithNoDemo() async throws {
        try await TestDatabase.withFresh { database in
            let server = try await RunningServer.start(["--no-demo"], environment: database.environment)
            let page = try await server.get("/public")
            let printed = await server.printed(waitingFor: "kembar user add")
            _ = await server.stop()
            #expect(page.status == 200)
            #expect(!page.body.contains("Bandung"))
            #expect(printed.contains("kembar user add --role admin EMAIL"))
            #expect(!printed.contains("Loaded the demonstration portfolio"))
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
            let page = try await server.get("/public/kota-contoh")
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
            let browser = try await Self.signedIn(server)
            let page = try await browser.get("/partnerships/bandung/bandung-liuzhou?lang=en")
            let portfolio = try await browser.get("/")
            _ = await server.stop()
            #expect(page.body.contains("policy “strict”"))
            #expect(page.body.contains("dormant after 180 days"))
            // 7.75 partnerships per officer is within this policy's limit of 10.
            #expect(portfolio.body.contains("<p class=\"load\">"))
            #expect(!page.body.contains("office overloaded"))
        }
    }

    @Test func servesForHTTPSAndTrustsTheProxysAddressWhenTold() async throws {
        try await TestDatabase.withFresh { database in
            let server = try await RunningServer.start(
                ["--https", "--trust-forwarded-for"], environment: database.environment)
            let page = try await ServerBrowser(port: server.port).get("/sign-in")
            _ = await server.stop()
            #expect(page.headers["strict-transport-security"] == "max-age=31536000")
            #expect(page.headers["set-cookie"]?.contains("Secure") == true)
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

    @Test func writesItsLinksForThePublicURLItIsGiven() async throws {
        try await TestDatabase.withFresh { database in
            let server = try await RunningServer.start(
                ["--public-url", "https://Kerjasama.Example.go.id/"], environment: database.environment)
            let feed = try await ServerBrowser(port: server.port).get("/public/bandung/feed.atom")
            _ = await server.stop()
            #expect(feed.body.contains("<id>https://kerjasama.example.go.id/public/bandung</id>"))
            #expect(!feed.body.contains("127.0.0.1"))
        }
    }

    @Test func refusesAPublicURLWithAPath() async throws {
        let outcome = try await KembarProcess.run(["serve", "--public-url", "https://kerjasama.example.go.id/kembar"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("--public-url is the scheme and host only"))
    }

    @Test func refusesAnAPIRateBelowOneCallAMinute() async throws {
        let outcome = try await KembarProcess.run(["serve", "--api-calls-per-minute", "0"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("--api-calls-per-minute must be a whole number from 1 up"))
    }

    @Test(arguments: ["0", "3601"])
    func refusesAnIdleTimeoutOutsideItsRange(seconds: String) async throws {
        let outcome = try await KembarProcess.run(["serve", "--idle-timeout", seconds])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("--idle-timeout must be between 1 and 3600 seconds, not \(seconds)"))
    }

    /// A browser signed in as the demonstration's administrator, with a password of its own.
    static func signedIn(_ server: RunningServer) async throws -> ServerBrowser {
        let printed = await server.printed(waitingFor: "Sign in at")
        let password = printed.firstMatch(of: /one-time password ([A-Za-z0-9-]+)/).map { String($0.1) } ?? ""
        let browser = ServerBrowser(port: server.port)
        _ = try await browser.submit(
            "/sign-in", from: "/sign-in", [("email", "admin@kembar.example"), ("password", password)])
        _ = try await browser.submit(
            "/account/password", from: "/account/password",
            [("current", password), ("new", "a password of my own"), ("repeat", "a password of my own")])
        return browser
    }
}

/// Stopping a server: what is under way is finished first.
@Suite struct GracefulShutdownTests {
    @Test func aRequestInFlightIsAnsweredBeforeTheServerStops() async throws {
        try await TestDatabase.withFresh { database in
            let server = try await RunningServer.start(["--no-demo"], environment: database.environment)
            let body = "email=someone%40example.org&password=" + String(repeating: "p", count: 4_000)
            let connection = try RawConnection(port: server.port)
            connection.send(
                "POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body.prefix(100))
            // The head has arrived and the body is awaited when the server is told to stop; the wait
            // is for the order of events, not a measure of speed.
            try await Task.sleep(for: .seconds(1))
            server.terminate()
            try await Task.sleep(for: .seconds(1))
            connection.send(String(body.dropFirst(100)))
            let answer = connection.readToEnd()
            // A whole answer: the form came without its token, so it is refused, politely.
            #expect(answer.hasPrefix("HTTP/1.1 403"), "\(answer.prefix(200))")
            #expect(answer.contains("</html>"))
            #expect(await server.exitStatus() == 0)
            #expect(throws: RawConnectionError.self) { _ = try RawConnection(port: server.port) }
        }
    }
}
