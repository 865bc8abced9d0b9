import Foundation
import SQLKit

/// Slows down password guessing: after too many failed sign-ins in a window, further attempts
/// for the same account, or from the same address, are refused until the window has passed.
/// Failures are kept in the database so that every instance of Kembar counts the same.
public struct SignInThrottle: Sendable {
    public let database: any KembarDatabase
    public var window: TimeInterval = 15 * 60
    public var failuresPerAccount = 5
    public var failuresPerAddress = 20

    public init(database: any KembarDatabase) {
        self.database = database
    }

    /// When sign-in may next be tried, if it is refused now.
    public func refusedUntil(email: String, address: String, now: Date = Date()) async throws -> Date? {
        let since = Timestamp.string(now.addingTimeInterval(-window))
        let window = self.window
        let limits = [
            (Self.subject(email: email), failuresPerAccount), (Self.subject(address: address), failuresPerAddress),
        ]
        return try await database.read { sql in
            var until: Date?
            for (subject, limit) in limits {
                let rows = try await sql.select().column("failed_at").from("sign_in_failures")
                    .where("subject", .equal, SQLBind(subject)).where("failed_at", .greaterThan, SQLBind(since))
                    .orderBy("failed_at", .descending).limit(limit).all()
                guard rows.count >= limit, let oldest = try rows.last?.text("failed_at"),
                    let date = try? Date(oldest, strategy: .iso8601)
                else { continue }
                let free = date.addingTimeInterval(window)
                until = max(until ?? free, free)
            }
            return until
        }
    }

    public func recordFailure(email: String, address: String, now: Date = Date()) async throws {
        let stamp = Timestamp.string(now)
        let expired = Timestamp.string(now.addingTimeInterval(-window))
        try await database.write { sql in
            try await sql.delete(from: "sign_in_failures").where("failed_at", .lessThan, SQLBind(expired)).run()
            try await sql.insert(into: "sign_in_failures").columns("subject", "failed_at")
                .values(SQLBind(Self.subject(email: email)), SQLBind(stamp))
                .values(SQLBind(Self.subject(address: address)), SQLBind(stamp)).run()
        }
    }

    /// Forgets an account's failures after it signs in; the address keeps its count.
    public func clear(email: String) async throws {
        try await database.write { sql in
            try await sql.delete(from: "sign_in_failures").where("subject", .equal, SQLBind(Self.subject(email: email)))
                .run()
        }
    }

    private static func subject(email: String) -> String { "account:" + AccountStore.normalized(email) }
    private static func subject(address: String) -> String { "address:" + address }
}
