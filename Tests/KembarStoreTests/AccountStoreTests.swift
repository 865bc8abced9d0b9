import Foundation
import KembarCore
import KembarStore
import KembarTestSupport
import SQLKit
import Testing

/// Accounts, sessions and the sign-in throttle as stored, on SQLite and PostgreSQL alike.
@Suite struct AccountStoreTests {
    static let passwords = Passwords(cost: 4)

    @Test func keepsABcryptHashAndNeverThePassword() async throws {
        try await TestDatabase.withMigrated { database in
            let accounts = AccountStore(database: database, passwords: Self.passwords)
            _ = try await accounts.create(
                .init(email: "a@example.org", name: "A", role: .admin, organizationID: nil),
                password: "a long password", oneTime: false, actor: "test")
            let hash = try await database.read { sql in
                try await sql.raw("SELECT password_hash FROM users").first()?.decode(
                    column: "password_hash", as: String.self)
            }
            #expect(hash?.hasPrefix("$2") == true)
            #expect(hash?.contains("a long password") == false)
            #expect(try await accounts.verify(email: "A@example.org ", password: "a long password") != nil)
            #expect(try await accounts.verify(email: "a@example.org", password: "a long passworD") == nil)
        }
    }

    @Test func theLastAdministratorOfTheDeploymentCannotBeRemoved() async throws {
        try await TestDatabase.withMigrated { database in
            let accounts = AccountStore(database: database, passwords: Self.passwords)
            let only = try await accounts.create(
                .init(email: "a@example.org", name: "A", role: .admin, organizationID: nil),
                password: "a long password", oneTime: false, actor: "test")
            let draft = AccountStore.Draft(email: only.email, name: "A", role: .admin, organizationID: nil)
            await #expect(throws: AccountError.lastAdministrator) {
                _ = try await accounts.update(id: only.id, to: draft, disabled: true, actor: "test")
            }
            await #expect(throws: AccountError.lastAdministrator) {
                var demoted = draft
                demoted.role = .viewer
                _ = try await accounts.update(id: only.id, to: demoted, disabled: false, actor: "test")
            }
            _ = try await accounts.create(
                .init(email: "b@example.org", name: "B", role: .admin, organizationID: nil),
                password: "a long password", oneTime: false, actor: "test")
            #expect(try await accounts.update(id: only.id, to: draft, disabled: true, actor: "test").disabled)
        }
    }

    @Test func theThrottleCountsWithinItsWindowOnly() async throws {
        try await TestDatabase.withMigrated { database in
            let throttle = SignInThrottle(database: database)
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            for minute in 0..<5 {
                try await throttle.recordFailure(
                    email: "a@example.org", address: "192.0.2.1", now: start.addingTimeInterval(Double(minute) * 60))
            }
            let refused = try await throttle.refusedUntil(
                email: "A@example.org", address: "192.0.2.9", now: start.addingTimeInterval(300))
            #expect(refused == start.addingTimeInterval(15 * 60))
            #expect(
                try await throttle.refusedUntil(
                    email: "a@example.org", address: "192.0.2.9", now: start.addingTimeInterval(15 * 60 + 1)) == nil)
            try await throttle.clear(email: "a@example.org")
            #expect(
                try await throttle.refusedUntil(
                    email: "a@example.org", address: "192.0.2.9", now: start.addingTimeInterval(300)) == nil)
        }
    }

    @Test func aSessionEndsWithItsLifetime() async throws {
        try await TestDatabase.withMigrated { database in
            let account = try await AccountStore(database: database, passwords: Self.passwords).create(
                .init(email: "a@example.org", name: "A", role: .admin, organizationID: nil),
                password: "a long password", oneTime: false, actor: "test")
            let sessions = SessionStore(database: database, lifetime: 3600)
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            let token = try await sessions.open(accountID: account.id, now: start)
            #expect(try await sessions.session(token: token, now: start.addingTimeInterval(3599))?.account == account)
            #expect(try await sessions.session(token: token, now: start.addingTimeInterval(3601)) == nil)
            #expect(try await sessions.session(token: token + "x", now: start) == nil)
        }
    }
}
