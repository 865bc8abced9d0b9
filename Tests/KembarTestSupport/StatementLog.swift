import KembarStore
import Logging
import NIOCore
import SQLKit
import Synchronization

/// A database that writes down the SQL of every statement its writes run, so that a test can
/// tell which rows a save touched.
public final class StatementLog: KembarDatabase {
    public let base: any KembarDatabase
    private let written = Mutex<[String]>([])

    public init(_ base: any KembarDatabase) {
        self.base = base
    }

    public var dialect: DatabaseDialect { base.dialect }
    public var location: String { base.location }

    /// The statements of the writes since the log was last cleared, in order.
    public var statements: [String] { written.withLock { $0 } }

    public func clear() {
        written.withLock { $0.removeAll() }
    }

    public func read<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await base.read(body)
    }

    public func write<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await base.write { sql in try await body(LoggingSQLDatabase(database: sql, log: self)) }
    }

    public func close() async throws {
        try await base.close()
    }

    fileprivate func note(_ statement: String) {
        written.withLock { $0.append(statement) }
    }
}

private struct LoggingSQLDatabase: SQLDatabase {
    let database: any SQLDatabase
    let log: StatementLog

    var logger: Logger { database.logger }
    var eventLoop: any EventLoop { database.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { database.version }
    var dialect: any SQLDialect { database.dialect }
    var queryLogLevel: Logger.Level? { database.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        log.note(database.serialize(query).sql)
        return database.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        log.note(database.serialize(query).sql)
        try await database.execute(sql: query, onRow)
    }
}
