import Foundation
import SQLKit
import ServiceLifecycle

/// A running server's mark on its database, renewed every few seconds and removed when it stops:
/// what `kembar restore` looks at before replacing the record.
public struct ServerPresence: Service {
    public let database: any KembarDatabase
    public let id = UUID().uuidString
    public var interval: Duration = .seconds(5)
    private let started = Timestamp.string(Date())
    /// A server not seen for this long is taken to have stopped (killed, or its machine gone).
    public static let staleAfter: TimeInterval = 20

    public init(database: any KembarDatabase) {
        self.database = database
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await mark()
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
        try? await database.write { sql in
            try await sql.delete(from: "server_instances").where("id", .equal, SQLBind(id)).run()
        }
    }

    /// Marks the server present now (before it starts to serve, so that no restore slips in).
    public func mark() async throws {
        let now = Timestamp.string(Date())
        let host = ProcessInfo.processInfo.hostName
        let pid = Int(ProcessInfo.processInfo.processIdentifier)
        try await database.write { sql in
            try await sql.raw(
                """
                INSERT INTO server_instances (id, host, pid, started_at, seen_at)
                VALUES (\(bind: id), \(bind: host), \(bind: pid), \(bind: started), \(bind: now))
                ON CONFLICT (id) DO UPDATE SET seen_at = \(bind: now)
                """
            ).run()
        }
    }

    /// The servers seen lately on `database` ("host, process N"), none when none runs.
    public static func running(on database: any KembarDatabase, now: Date = Date()) async throws -> [String] {
        try await database.read { sql in
            try await sql.select().columns("host", "pid").from("server_instances")
                .where("seen_at", .greaterThan, SQLBind(Timestamp.string(now.addingTimeInterval(-staleAfter)))).all()
                .map {
                    "\(try $0.decode(column: "host", as: String.self)), process \(try $0.decode(column: "pid", as: Int.self))"
                }
        }
    }
}
