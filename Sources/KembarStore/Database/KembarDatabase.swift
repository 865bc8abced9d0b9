import SQLKit

/// The two databases Kembar runs on. Queries are shared; the few statements that differ
/// (identity columns, locking) ask for the dialect.
public enum DatabaseDialect: String, Sendable {
    case sqlite
    case postgres
}

/// A connection source for the store: reads and writes each get a single session, and every
/// write is one transaction that either commits whole or leaves nothing behind.
public protocol KembarDatabase: Sendable {
    var dialect: DatabaseDialect { get }
    /// Where the data lives, for logs and start-up messages (never includes a password).
    var location: String { get }

    /// Runs `body` in a read-only snapshot.
    func read<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R

    /// Runs `body` in a transaction; an error thrown from it rolls everything back.
    func write<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R

    /// Closes every connection. Must be called once the database is no longer used.
    func close() async throws
}
