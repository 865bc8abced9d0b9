import Foundation
import KembarCore
import SQLKit

extension Outbox {
    /// Writes a message telling an account `keys` on `day`, in one transaction with their being
    /// told (and, for a digest, the day of the account's last digest); false, and nothing
    /// written, when its key was written before.
    public func enqueue(_ draft: Draft, telling keys: [String], on day: CalendarDay, isDigest: Bool, now: Date = Date())
        async throws -> Bool
    {
        guard let accountID = draft.accountID else { return try await enqueue(draft, now: now) }
        return try await database.write { sql in
            guard try await Self.enqueue(draft, now: now, sql) else { return false }
            try await MailSettingsStore.markTold(keys, accountID: accountID, on: day, sql)
            if isDigest { try await MailSettingsStore.setLastDigest(day, accountID: accountID, sql) }
            return true
        }
    }

    /// Of `keys`, those the account was already told.
    public func told(_ keys: [String], accountID: Int) async throws -> Set<String> {
        try await database.read { sql in try await MailSettingsStore.told(keys, accountID: accountID, sql) }
    }
}

/// The key that signs the links in mail (unsubscribing needs no sign-in), made once per
/// database so that every instance signs alike.
public enum MailSigningKey {
    public static func key(_ database: any KembarDatabase) async throws -> [UInt8] {
        try await database.write { sql in
            try await sql.raw(
                """
                INSERT INTO mail_secrets (name, value) VALUES ('links', \(bind: SecretToken.make()))
                ON CONFLICT (name) DO NOTHING
                """
            ).run()
            let value =
                try await sql.select().column("value").from("mail_secrets").where("name", .equal, SQLBind("links"))
                .first()?.decode(column: "value", as: String.self) ?? ""
            return Array(value.utf8)
        }
    }
}
