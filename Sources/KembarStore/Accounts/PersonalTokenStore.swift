import Foundation
import KembarCore
import SQLKit

/// Personal tokens: made by a person for a program or a calendar, shown once, kept as a hash,
/// revocable. A token acts with its owner's role, and stops working when the owner's account
/// is disabled.
public struct PersonalTokenStore: Sendable {
    public let database: any KembarDatabase

    public init(database: any KembarDatabase) {
        self.database = database
    }

    /// What a token may be used for. A calendar's address is shared with calendar programs and
    /// often further; it reads the feeds only, never the API.
    public enum Purpose: String, CaseIterable, Sendable {
        case api
        case calendar
    }

    public struct Token: Hashable, Sendable {
        public let id: Int
        public let name: String
        public let purpose: Purpose
        /// The token's first characters, to tell tokens apart.
        public let hint: String
        public let createdAt: String
        public let lastUsedAt: String?
        public let revokedAt: String?
    }

    public enum Failure: Error, Equatable, Sendable {
        case nameMissing
        case nameTooLong
        case notFound
    }

    /// Every token starts so, so that a token found in a file or a log is recognised as Kembar's.
    public static let prefix = "kembar_"
    static let maximumNameLength = 100
    /// Use is written down at most this often, so that reading the API does not write each time.
    static let usageResolution: TimeInterval = 3600

    /// Makes a token for `account` and returns its secret, which is never shown again.
    public func create(for account: Account, name: String, purpose: Purpose, now: Date = Date()) async throws
        -> (secret: String, token: Token)
    {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw Failure.nameMissing }
        guard name.count <= Self.maximumNameLength else { throw Failure.nameTooLong }
        let secret = Self.prefix + SecretToken.make()
        let hint = String(secret.prefix(Self.prefix.count + 4))
        let created = Timestamp.string(now)
        return try await database.write { sql in
            try await sql.insert(into: "personal_tokens")
                .columns("user_id", "name", "purpose", "token_hash", "hint", "created_at")
                .values(
                    SQLBind(account.id), SQLBind(name), SQLBind(purpose.rawValue), SQLBind(SecretToken.hash(secret)),
                    SQLBind(hint), SQLBind(created)
                )
                .run()
            guard
                let row = try await sql.select().column("*").from("personal_tokens")
                    .where("token_hash", .equal, SQLBind(SecretToken.hash(secret))).first()
            else { throw Failure.notFound }
            let token = try Self.token(row)
            try await AuditLog.append(
                AuditEntry(
                    recordedAt: created, actor: Self.actor(account), action: "create",
                    organizationID: account.organizationID, entity: "personal-token", entityID: String(token.id),
                    summary: "made the \(purpose.rawValue) token “\(name)” (\(hint)…)"),
                to: sql)
            return (secret, token)
        }
    }

    /// The account's tokens, newest first, revoked ones included.
    public func tokens(of account: Account) async throws -> [Token] {
        try await database.read { sql in
            try await sql.select().column("*").from("personal_tokens").where("user_id", .equal, SQLBind(account.id))
                .orderBy("id", .descending).all().map(Self.token)
        }
    }

    /// Revokes one of the account's own tokens; it stops working at once.
    public func revoke(id: Int, of account: Account, now: Date = Date()) async throws {
        try await database.write { sql in
            guard
                let row = try await sql.select().column("*").from("personal_tokens")
                    .where("id", .equal, SQLBind(id)).where("user_id", .equal, SQLBind(account.id)).first()
            else { throw Failure.notFound }
            let token = try Self.token(row)
            guard token.revokedAt == nil else { return }
            try await sql.update("personal_tokens").set("revoked_at", to: SQLBind(Timestamp.string(now)))
                .where("id", .equal, SQLBind(id)).run()
            try await AuditLog.append(
                AuditEntry(
                    actor: Self.actor(account), action: "revoke", organizationID: account.organizationID,
                    entity: "personal-token", entityID: String(id),
                    summary: "revoked the \(token.purpose.rawValue) token “\(token.name)” (\(token.hint)…)"),
                to: sql)
        }
    }

    /// The account a token acts for, when the token exists for `purpose`, is not revoked and its
    /// account is not disabled; notes that it was used.
    public func account(secret: String, purpose: Purpose, now: Date = Date()) async throws -> Account? {
        guard secret.hasPrefix(Self.prefix), secret.count == Self.prefix.count + 43 else { return nil }
        let hash = SecretToken.hash(secret)
        guard
            let found = try await database.read({ sql -> (account: Account, id: Int, lastUsed: String?)? in
                guard
                    let row = try await sql.select().column("*").from("personal_tokens")
                        .where("token_hash", .equal, SQLBind(hash)).first(),
                    try row.optionalText("revoked_at") == nil,
                    try row.text("purpose") == purpose.rawValue,
                    let account = try await AccountStore.account(id: try row.integer("user_id"), sql),
                    !account.disabled
                else { return nil }
                return (account, try row.integer("id"), try row.optionalText("last_used_at"))
            })
        else { return nil }
        let stale = found.lastUsed.flatMap { try? Date($0, strategy: .iso8601) }.map {
            now.timeIntervalSince($0) >= Self.usageResolution
        }
        if stale ?? true {
            try await database.write { sql in
                try await sql.update("personal_tokens").set("last_used_at", to: SQLBind(Timestamp.string(now)))
                    .where("id", .equal, SQLBind(found.id)).run()
            }
        }
        return found.account
    }

    static func token(_ row: any SQLRow) throws -> Token {
        Token(
            id: try row.integer("id"), name: try row.text("name"),
            purpose: Purpose(rawValue: try row.text("purpose")) ?? .api, hint: try row.text("hint"),
            createdAt: try row.text("created_at"), lastUsedAt: try row.optionalText("last_used_at"),
            revokedAt: try row.optionalText("revoked_at"))
    }

    static func actor(_ account: Account) -> String {
        "\(account.email) (\(account.role.rawValue))"
    }
}
