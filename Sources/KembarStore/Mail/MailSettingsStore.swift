import Foundation
import KembarCore
import SQLKit

/// A person's mail: how often each kind reaches them, in which language, when their last digest
/// went, and what they were already told.
public struct MailSettings: Sendable, Equatable {
    public var accountID: Int
    /// `id` or `en`.
    public var language: String
    public var frequencies: [MailKind: MailFrequency]
    /// The day of the last weekly digest, nil before the first.
    public var lastDigest: CalendarDay?

    public func frequency(_ kind: MailKind) -> MailFrequency { frequencies[kind] ?? .off }
}

public struct MailSettingsStore: Sendable {
    public let database: any KembarDatabase

    public init(database: any KembarDatabase) {
        self.database = database
    }

    /// The settings of `account`, its role's defaults where it has chosen nothing.
    public func settings(of account: Account) async throws -> MailSettings {
        try await database.read { sql in try await Self.settings(of: account, sql) }
    }

    static func settings(of account: Account, _ sql: any SQLDatabase) async throws -> MailSettings {
        let row = try await sql.select().column("*").from("mail_settings")
            .where("account_id", .equal, SQLBind(account.id)).first()
        var frequencies: [MailKind: MailFrequency] = [:]
        for kind in MailKind.allCases {
            frequencies[kind] =
                try row?.optionalText(kind.rawValue).flatMap(MailFrequency.init(rawValue:))
                ?? MailFrequency.standard(kind, role: account.role)
        }
        let language = try row?.optionalText("language") ?? (account.role == .partner ? "en" : "id")
        return MailSettings(
            accountID: account.id, language: language, frequencies: frequencies,
            lastDigest: try row?.optionalText("last_digest").flatMap(CalendarDay.init(iso:)))
    }

    /// Saves what a person chose.
    public func save(_ settings: MailSettings) async throws {
        try await database.write { sql in
            try await Self.ensureRow(settings.accountID, sql)
            var update = sql.update("mail_settings").set("language", to: SQLBind(settings.language))
            for kind in MailKind.allCases {
                update = update.set(SQLIdentifier(kind.rawValue), to: SQLBind(settings.frequency(kind).rawValue))
            }
            try await update.where("account_id", .equal, SQLBind(settings.accountID)).run()
        }
    }

    /// Turns one kind off (the one-click unsubscribe), keeping the rest.
    public func turnOff(_ kind: MailKind, accountID: Int) async throws {
        try await database.write { sql in
            try await Self.ensureRow(accountID, sql)
            try await sql.update("mail_settings").set(
                SQLIdentifier(kind.rawValue), to: SQLBind(MailFrequency.off.rawValue)
            )
            .where("account_id", .equal, SQLBind(accountID)).run()
        }
    }

    static func ensureRow(_ accountID: Int, _ sql: any SQLDatabase) async throws {
        try await sql.raw(
            "INSERT INTO mail_settings (account_id) VALUES (\(bind: accountID)) ON CONFLICT (account_id) DO NOTHING"
        ).run()
    }

    static func setLastDigest(_ day: CalendarDay, accountID: Int, _ sql: any SQLDatabase) async throws {
        try await ensureRow(accountID, sql)
        try await sql.update("mail_settings").set("last_digest", to: SQLBind(day.description))
            .where("account_id", .equal, SQLBind(accountID)).run()
    }

    /// Of `keys`, those the account was already told.
    static func told(_ keys: [String], accountID: Int, _ sql: any SQLDatabase) async throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        var told: Set<String> = []
        // In slices, to stay within the databases' limits on bound values.
        for start in stride(from: 0, to: keys.count, by: 500) {
            let slice = Array(keys[start..<min(start + 500, keys.count)])
            for row in try await sql.select().column("item_key").from("mail_told")
                .where("account_id", .equal, SQLBind(accountID)).where("item_key", .in, SQLBind.group(slice)).all()
            {
                told.insert(try row.text("item_key"))
            }
        }
        return told
    }

    static func markTold(_ keys: [String], accountID: Int, on day: CalendarDay, _ sql: any SQLDatabase) async throws {
        for key in keys {
            try await sql.raw(
                """
                INSERT INTO mail_told (account_id, item_key, told_on) VALUES (\(bind: accountID), \(bind: key),
                \(bind: day.description)) ON CONFLICT (account_id, item_key) DO NOTHING
                """
            ).run()
        }
    }
}
