import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit

/// The embedded default: one SQLite file in write-ahead-log mode, with one writer connection
/// (SQLite allows one writer at a time, so writes queue here rather than spin on a lock) and a
/// few reader connections that see committed data while a write is under way.
public final class SQLiteKembarDatabase: KembarDatabase {
    public let dialect = DatabaseDialect.sqlite
    public let location: String
    private let writer: ConnectionPool<SQLiteConnection>
    private let readers: ConnectionPool<SQLiteConnection>
    private let logger: Logger

    public static let readerCount = 4

    /// Opens (creating when needed) the database file at `path`.
    public static func open(path: String, logger: Logger) async throws -> SQLiteKembarDatabase {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        var opened: [SQLiteConnection] = []
        do {
            for _ in 0...readerCount {
                let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
                opened.append(connection)
                try await configure(connection)
            }
        } catch {
            for connection in opened { try? await connection.close() }
            throw error
        }
        return SQLiteKembarDatabase(
            location: path, writer: opened[0], readers: Array(opened.dropFirst()), logger: logger)
    }

    private init(location: String, writer: SQLiteConnection, readers: [SQLiteConnection], logger: Logger) {
        self.location = location
        self.writer = ConnectionPool([writer])
        self.readers = ConnectionPool(readers)
        self.logger = logger
    }

    private static func configure(_ connection: SQLiteConnection) async throws {
        // busy_timeout replaces SQLiteNIO's spinning busy handler with a sleeping one, for the
        // case of a second process (e.g. `kembar import` while `kembar serve` runs).
        for pragma in [
            "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON",
            "PRAGMA busy_timeout = 30000",
        ] {
            _ = try await connection.query(pragma)
        }
    }

    public func read<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await withConnection(from: readers, begin: "BEGIN DEFERRED", body)
    }

    public func write<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await withConnection(from: writer, begin: "BEGIN IMMEDIATE", body)
    }

    private func withConnection<R: Sendable>(
        from pool: ConnectionPool<SQLiteConnection>, begin: String,
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> R
    ) async throws -> R {
        let connection = await pool.acquire()
        let database = connection.sql(queryLogLevel: .trace)
        do {
            _ = try await connection.query(begin)
            let result = try await body(database)
            _ = try await connection.query("COMMIT")
            await pool.release(connection)
            return result
        } catch {
            _ = try? await connection.query("ROLLBACK")
            await pool.release(connection)
            throw error
        }
    }

    /// Writes a consistent copy of the whole database (record, documents, accounts, proposals,
    /// audit log) to a new file at `path`, while the database stays in use: `VACUUM INTO` reads
    /// one snapshot. Restoring is putting the copy in the database's place while Kembar is stopped.
    public func backup(to path: String) async throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw StoreError.backupExists(path) }
        let connection = await readers.acquire()
        do {
            _ = try await connection.query("VACUUM INTO ?", [SQLiteData.text(path)])
            await readers.release(connection)
        } catch {
            await readers.release(connection)
            throw error
        }
    }

    public func close() async throws {
        for connection in await writer.connections + readers.connections where !connection.isClosed {
            try await connection.close()
        }
    }
}
