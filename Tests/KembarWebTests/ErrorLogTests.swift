import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KembarCore
import KembarStore
import KembarTestSupport
import KembarWeb
import Logging
import SQLKit
import Synchronization
import Testing

/// A failure nobody expected is answered with a 500 and written to the log with its request.
@Suite struct ErrorLogTests {
    @Test func logsAnUnexpectedFailureWithItsRequest() async throws {
        let captured = CapturedLog()
        try await TestDatabase.withFresh { test in
            let database = try await test.open()
            try await Migrator.migrate(database, logger: TestDatabase.logger)
            let site = try Site(database: database, renderer: try await PageRenderer.bundled(), today: { testToday })
            // A database whose schema was broken under a running server (a database that cannot
            // be reached is an outage, answered with 503 by OutageTests).
            try await database.write { sql in try await sql.drop(table: "organizations").cascade().run() }
            var logger = Logger(label: "kembar.test") { _ in captured }
            logger.logLevel = .info
            try await Application(router: buildRouter(site: site), logger: logger).test(.router) { client in
                try await client.execute(uri: "/public", method: .get) { response in
                    #expect(response.status == .internalServerError)
                }
            }
            try await database.close()
        }
        let failures = captured.entries.filter { $0.message == "request failed" }
        #expect(failures.count == 1)
        #expect(failures.first?.metadata["path"] == "/public")
        #expect(failures.first?.metadata["method"] == "GET")
        #expect(failures.first?.level == .error)
    }
}

/// Keeps what is logged, for a test to read.
final class CapturedLog: LogHandler, Sendable {
    struct Entry: Sendable {
        let level: Logger.Level
        let message: String
        let metadata: [String: String]
    }

    private let storage = Mutex<[Entry]>([])
    var entries: [Entry] { storage.withLock { $0 } }

    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }

    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    func log(event: LogEvent) {
        let flat = (event.metadata ?? [:]).mapValues { "\($0)" }
        storage.withLock { $0.append(Entry(level: event.level, message: event.message.description, metadata: flat)) }
    }
}
