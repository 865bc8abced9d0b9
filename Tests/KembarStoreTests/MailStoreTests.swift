import Foundation
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// The signed unsubscribe token, and the single-use links of invitations and resets.
@Suite struct MailStoreTests {
    @Test func anUnsubscribeTokenNamesItsAccountAndCannotBeForged() {
        let key = Array("a key of this deployment".utf8)
        let token = UnsubscribeToken.make(accountID: 42, what: "digest", key: key)
        #expect(UnsubscribeToken.read(token, key: key)?.accountID == 42)
        #expect(UnsubscribeToken.read(token, key: key)?.what == "digest")
        #expect(UnsubscribeToken.read(token.replacingOccurrences(of: "42.", with: "43."), key: key) == nil)
        #expect(UnsubscribeToken.read(token, key: Array("another deployment".utf8)) == nil)
        #expect(UnsubscribeToken.read("42.digest", key: key) == nil)
    }

    @Test func aLinkWorksOnceAndNotAfterItExpires() async throws {
        try await TestDatabase.withMigrated { database in
            let accounts = AccountStore(database: database, passwords: Passwords(cost: 4))
            let account = try await accounts.create(
                .init(email: "rina@bandung.example", name: "Rina", role: .admin, organizationID: nil),
                password: "a first password", oneTime: true, actor: "test")
            let links = AccountLinkStore(database: database)
            let now = Date()
            func draft(_ token: String) -> Outbox.Draft {
                Outbox.Draft(
                    dedupeKey: "reset:" + token, accountID: account.id, kind: "password-reset",
                    sender: "kembar@bandung.example", recipient: account.email, subject: "s", message: "m")
            }
            let token = try await links.send(.reset, accountID: account.id, now: now, message: draft)
            #expect(try await links.peek(token, now: now)?.accountID == account.id)
            #expect(try await links.peek(token, now: now.addingTimeInterval(3601)) == nil)
            #expect(try await links.use(token, now: now.addingTimeInterval(3601)) == nil)
            #expect(try await links.use(token, now: now) == account.id)
            #expect(try await links.use(token, now: now) == nil)
            // The message was written with the link.
            #expect(try await Outbox(database: database).log().map(\.kind) == ["password-reset"])
            let invitation = try await links.send(.invitation, accountID: account.id, now: now, message: draft)
            #expect(try await links.peek(invitation, now: now.addingTimeInterval(71 * 3600))?.purpose == .invitation)
        }
    }
}
