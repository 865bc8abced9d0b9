import Foundation
import KembarCore
import SQLKit

/// Single-use links sent by mail to choose a password: an invitation (valid 72 hours) or a
/// password reset (one hour). Only a hash of each link's token is kept; a link is used once.
public struct AccountLinkStore: Sendable {
    public enum Purpose: String, Sendable {
        case invitation
        case reset

        /// How long a link stays valid.
        public var validFor: TimeInterval {
            switch self {
            case .invitation: 72 * 3600
            case .reset: 3600
            }
        }
    }

    public let database: any KembarDatabase

    public init(database: any KembarDatabase) {
        self.database = database
    }

    /// Makes a link for `accountID` and writes, in the same transaction, the message that carries
    /// it (made from the token by `message`).
    @discardableResult
    public func send(
        _ purpose: Purpose, accountID: Int, now: Date = Date(), message: (String) throws -> Outbox.Draft
    ) async throws -> String {
        let token = SecretToken.make()
        let draft = try message(token)
        try await database.write { sql in
            try await sql.insert(into: "account_links")
                .columns("token_hash", "account_id", "purpose", "expires_at", "created_at")
                .values(
                    SQLBind(SecretToken.hash(token)), SQLBind(accountID), SQLBind(purpose.rawValue),
                    SQLBind(Timestamp.string(now.addingTimeInterval(purpose.validFor))), SQLBind(Timestamp.string(now))
                ).run()
            _ = try await Outbox.enqueue(draft, now: now, sql)
        }
        return token
    }

    /// The account and purpose of a link still valid and unused.
    public func peek(_ token: String, now: Date = Date()) async throws -> (accountID: Int, purpose: Purpose)? {
        try await database.read { sql in
            guard
                let row = try await sql.select().columns("account_id", "purpose").from("account_links")
                    .where("token_hash", .equal, SQLBind(SecretToken.hash(token))).where(
                        "used_at", .is, SQLLiteral.null
                    )
                    .where("expires_at", .greaterThan, SQLBind(Timestamp.string(now))).first(),
                let purpose = Purpose(rawValue: try row.text("purpose"))
            else { return nil }
            return (try row.integer("account_id"), purpose)
        }
    }

    /// Marks a valid link used and returns its account; nil when the link is unknown, used or
    /// expired. Only one of two people using the same link at once gets the account.
    public func use(_ token: String, now: Date = Date()) async throws -> Int? {
        try await database.write { sql in
            let rows = try await sql.raw(
                """
                UPDATE account_links SET used_at = \(bind: Timestamp.string(now))
                WHERE token_hash = \(bind: SecretToken.hash(token)) AND used_at IS NULL
                AND expires_at > \(bind: Timestamp.string(now)) RETURNING account_id
                """
            ).all()
            return try rows.first?.integer("account_id")
        }
    }
}
