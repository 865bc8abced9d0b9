import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KembarCore
import KembarStore
import KembarTestSupport
import KembarWeb
import SQLKit
import Synchronization
import Testing

/// What a proxy asks of an instance, and what people see while the database is away.
@Suite struct OutageTests {
    /// A database that can be made unreachable, as a stopped or restarting server is.
    final class Unplugged: KembarDatabase {
        let base: any KembarDatabase
        private let away = Mutex(false)

        init(_ base: any KembarDatabase) {
            self.base = base
        }

        var dialect: DatabaseDialect { base.dialect }
        var location: String { base.location }

        func unplug() { away.withLock { $0 = true } }
        func plugIn() { away.withLock { $0 = false } }

        private func check() throws {
            if away.withLock({ $0 }) { throw DatabaseUnreachable(reason: "unplugged") }
        }

        func read<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
            try check()
            return try await base.read(body)
        }

        func write<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
            try check()
            return try await base.write(body)
        }

        func close() async throws { try await base.close() }
    }

    private func withSite(_ body: @escaping @Sendable (WebHarness, Unplugged) async throws -> Void) async throws {
        try await TestDatabase.withMigrated { database in
            try await RecordStore(database: database).importRecord(
                try Fixtures.demoRecord(), actor: "test", source: "fixture")
            let unplugged = Unplugged(database)
            let site = try Site(
                database: unplugged, renderer: try await PageRenderer.bundled(),
                security: SecuritySettings(passwords: testPasswords), revisionFreshness: .zero, today: { testToday })
            try await Application(router: buildRouter(site: site)).test(.router) { client in
                let harness = try await WebHarness(client: client, database: database)
                    .signedIn(.officer, organizationID: "bandung")
                try await body(harness, unplugged)
            }
        }
    }

    @Test func livenessAndReadinessAnswerTheProxy() async throws {
        try await withSite { site, database in
            #expect(try await site.anonymous.get("/healthz").status == .ok)
            let ready = try await site.anonymous.get("/readyz")
            #expect(ready.status == .ok)
            #expect(ready.html == "ready")
            database.unplug()
            #expect(try await site.anonymous.get("/healthz").status == .ok)
            #expect(try await site.anonymous.get("/readyz").status == .serviceUnavailable)
            database.plugIn()
            #expect(try await site.anonymous.get("/readyz").status == .ok)
        }
    }

    @Test func aSchemaOlderThanThisKembarIsNotReady() async throws {
        try await withSite { site, database in
            try await database.base.write { sql in
                try await sql.delete(from: "schema_migrations")
                    .where("version", .equal, SQLBind(Migration.all.last!.version)).run()
            }
            let answer = try await site.anonymous.get("/readyz")
            #expect(answer.status == .serviceUnavailable)
            #expect(answer.html.contains("needs \(Migration.all.last!.version)"))
        }
    }

    @Test func whileTheDatabaseIsAwayEveryAnswerIsAClear503AndServiceResumesByItself() async throws {
        try await withSite { site, database in
            let token = try await site.apiToken()
            #expect(try await site.get("/").status == .ok)
            database.unplug()
            for (path, language) in [("/", "id"), ("/partnerships/bandung/bandung-liuzhou", "en"), ("/public", "en")] {
                let page = try await site.get(path, language: language)
                #expect(page.status == .serviceUnavailable, "\(path)")
                #expect(page.headers[.retryAfter] == "5")
                #expect(page.headers[.contentType] == "text/html; charset=utf-8")
                let title = language == "en" ? "Kembar cannot reach its database" : "Kembar tidak dapat menjangkau"
                #expect(page.text.contains(title), "\(path)")
            }
            let problem = try await site.api(.get, "/api/v1/organizations", token: token)
            #expect(problem.status == .serviceUnavailable)
            #expect(problem.headers[.contentType] == "application/problem+json")
            #expect(problem.value(at: ["type"]) == .string("/api/problems/database-unavailable"))
            database.plugIn()
            #expect(try await site.get("/partnerships/bandung/bandung-liuzhou").status == .ok)
            #expect(try await site.api(.get, "/api/v1/organizations", token: token).status == .ok)
        }
    }
}
