import Foundation
import KembarCore
import SQLKit

/// Sessions kept in the database, so that several instances of Kembar behind a load balancer
/// share them. The browser holds the token; the database holds only its hash.
public struct SessionStore: Sendable {
    public let database: any KembarDatabase
    /// How long a session lasts after sign-in: a working day.
    public let lifetime: TimeInterval

    public init(database: any KembarDatabase, lifetime: TimeInterval = 10 * 3600) {
        self.database = database
        self.lifetime = lifetime
    }

    /// A signed-in session: whose it is, and the token its forms must carry.
    public struct Session: Sendable {
        public let account: Account
        public let tokenHash: String
        public let formToken: String
    }

    /// Opens a session for `accountID` and returns the token for the browser's cookie.
    public func open(accountID: Int, now: Date = Date()) async throws -> String {
        let token = SecretToken.make()
        let lifetime = self.lifetime
        try await database.write { sql in
            try await sql.delete(from: "sessions").where("expires_at", .lessThan, SQLBind(Timestamp.string(now))).run()
            try await sql.insert(into: "sessions")
                .columns("token_hash", "user_id", "form_token", "created_at", "expires_at")
                .values(
                    SQLBind(SecretToken.hash(token)), SQLBind(accountID), SQLBind(SecretToken.make()),
                    SQLBind(Timestamp.string(now)), SQLBind(Timestamp.string(now.addingTimeInterval(lifetime)))
                )
                .run()
        }
        return token
    }

    /// The session of `token` when it exists, has not expired and its account is not disabled.
    public func session(token: String, now: Date = Date()) async throws -> Session? {
        let tokenHash = SecretToken.hash(token)
        return try await database.read { sql in
            guard
                let row = try await sql.select().column("form_token").column("expires_at").column("user_id")
                    .from("sessions").where("token_hash", .equal, SQLBind(tokenHash)).first(),
                try row.text("expires_at") > Timestamp.string(now),
                let account = try await AccountStore.account(id: try row.integer("user_id"), sql),
                !account.disabled
            else { return nil }
            return Session(account: account, tokenHash: tokenHash, formToken: try row.text("form_token"))
        }
    }

    public func close(tokenHash: String) async throws {
        try await database.write { sql in
            try await sql.delete(from: "sessions").where("token_hash", .equal, SQLBind(tokenHash)).run()
        }
    }
}
