import Foundation
import KembarCore
import KembarStore
import KembarTestSupport
import SQLKit
import Testing

/// Personal tokens as stored, on SQLite and PostgreSQL alike.
@Suite struct PersonalTokenStoreTests {
    static func account(_ database: any KembarDatabase, _ email: String = "rina@bandung.example") async throws
        -> Account
    {
        try await AccountStore(database: database, passwords: Passwords(cost: 4)).create(
            .init(email: email, name: "Rina", role: .admin, organizationID: nil), password: "a long password",
            oneTime: false, actor: "test")
    }

    @Test func aTokenActsForItsOwnerForItsPurposeOnly() async throws {
        try await TestDatabase.withMigrated { database in
            let owner = try await Self.account(database)
            let tokens = PersonalTokenStore(database: database)
            let (secret, token) = try await tokens.create(for: owner, name: "  report script ", purpose: .api)
            #expect(secret.hasPrefix("kembar_") && secret.count == 50)
            #expect(token.name == "report script")
            #expect(token.hint == String(secret.prefix(11)))
            #expect(try await tokens.account(secret: secret, purpose: .api)?.id == owner.id)
            #expect(try await tokens.account(secret: secret, purpose: .calendar) == nil)
            #expect(try await tokens.account(secret: secret + "x", purpose: .api) == nil)
            #expect(
                try await tokens.account(secret: "kembar_" + String(repeating: "A", count: 43), purpose: .api) == nil)
            // Only the hash is kept.
            let stored = try await database.read { sql in
                try await sql.raw("SELECT token_hash FROM personal_tokens").all().map {
                    try $0.decode(column: "token_hash", as: String.self)
                }
            }
            #expect(stored == [SecretToken.hash(secret)])
            #expect(try await tokens.tokens(of: owner).first?.lastUsedAt != nil)
        }
    }

    @Test func aRevokedTokenOrADisabledAccountOpensNothing() async throws {
        try await TestDatabase.withMigrated { database in
            let owner = try await Self.account(database)
            let other = try await Self.account(database, "other@bandung.example")
            let tokens = PersonalTokenStore(database: database)
            let (first, firstToken) = try await tokens.create(for: owner, name: "calendar", purpose: .calendar)
            let (second, _) = try await tokens.create(for: owner, name: "phone", purpose: .calendar)
            await #expect(throws: PersonalTokenStore.Failure.notFound) {
                try await tokens.revoke(id: firstToken.id, of: other)
            }
            #expect(try await tokens.account(secret: first, purpose: .calendar) != nil)
            try await tokens.revoke(id: firstToken.id, of: owner)
            #expect(try await tokens.account(secret: first, purpose: .calendar) == nil)
            #expect(try await tokens.tokens(of: owner).map { $0.revokedAt != nil } == [false, true])
            _ = try await AccountStore(database: database, passwords: Passwords(cost: 4)).update(
                id: owner.id, to: .init(email: owner.email, name: owner.name, role: .admin, organizationID: nil),
                disabled: true, actor: "test")
            #expect(try await tokens.account(secret: second, purpose: .calendar) == nil)
            let audit = try await database.read { sql in
                try await sql.raw("SELECT action, summary FROM audit_entries WHERE entity = 'personal-token'").all()
                    .map {
                        (
                            try $0.decode(column: "action", as: String.self),
                            try $0.decode(column: "summary", as: String.self)
                        )
                    }
            }
            #expect(audit.map(\.0).sorted() == ["create", "create", "revoke"])
            #expect(!audit.contains { $0.1.contains(first) })
        }
    }

    @Test func aTokenNeedsAName() async throws {
        try await TestDatabase.withMigrated { database in
            let owner = try await Self.account(database)
            let tokens = PersonalTokenStore(database: database)
            await #expect(throws: PersonalTokenStore.Failure.nameMissing) {
                _ = try await tokens.create(for: owner, name: " \n", purpose: .api)
            }
            await #expect(throws: PersonalTokenStore.Failure.nameTooLong) {
                _ = try await tokens.create(for: owner, name: String(repeating: "n", count: 101), purpose: .api)
            }
            #expect(try await tokens.tokens(of: owner).isEmpty)
        }
    }
}
