import Foundation
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// `kembar user add` and `kembar user list`: the first administrator, and accounts from scripts.
@Suite struct UserCommandTests {
    @Test func addsTheFirstAdministratorWithAOneTimePassword() async throws {
        try await TestDatabase.withFresh { database in
            let outcome = try await KembarProcess.run(
                ["user", "add", "--role", "admin", "Chief@Example.org"], environment: database.environment)
            #expect(outcome.status == 0, "\(outcome.standardError)")
            #expect(
                outcome.standardOutput.contains("Created admin account chief@example.org for the whole deployment."))
            let password = try #require(
                outcome.standardOutput.firstMatch(of: /One-time password: ([A-Za-z0-9-]+)/).map { String($0.1) })
            let store = try await database.open()
            let account = try await AccountStore(database: store).verify(email: "chief@example.org", password: password)
            try await store.close()
            #expect(account?.role == .admin)
            #expect(account?.mustChangePassword == true)
            #expect(account?.organizationID == nil)
            let list = try await KembarProcess.run(["user", "list"], environment: database.environment)
            #expect(list.standardOutput.contains("chief@example.org\tadmin\t*"))
        }
    }

    @Test func readsAPasswordFromStandardInput() async throws {
        try await TestDatabase.withFresh { database in
            _ = try await KembarProcess.run(["import", try Self.demoFile().path], environment: database.environment)
            let outcome = try await KembarProcess.run(
                ["user", "add", "--role", "officer", "--password-stdin", "siti@bandung.go.id"],
                environment: database.environment, input: Data("my own long password\n".utf8))
            #expect(outcome.status == 0, "\(outcome.standardError)")
            #expect(!outcome.standardOutput.contains("One-time password"))
            // With one government in the database, the officer belongs to it.
            #expect(outcome.standardOutput.contains("for government bandung"))
            let store = try await database.open()
            let account = try await AccountStore(database: store).verify(
                email: "siti@bandung.go.id", password: "my own long password")
            try await store.close()
            #expect(account?.mustChangePassword == false)
        }
    }

    @Test func refusesWhatCannotBeAnAccountAndCreatesNothing() async throws {
        try await TestDatabase.withFresh { database in
            _ = try await KembarProcess.run(["import", try Self.demoFile().path], environment: database.environment)
            _ = try await KembarProcess.run(
                ["user", "add", "--role", "admin", "a@example.org"], environment: database.environment)
            let cases: [([String], String)] = [
                (["--role", "admin", "a@example.org"], "already exists"),
                (["--role", "officer", "not-an-address"], "is not an e-mail address"),
                (["--role", "partner", "p@example.org"], "--partnership"),
                (["--role", "partner", "--partnership", "no-such", "p@example.org"], "no partnership \"no-such\""),
                (["--role", "viewer", "--organization", "nowhere", "v@example.org"], "no organization \"nowhere\""),
                (["--role", "officer", "--partnership", "bandung-liuzhou", "o@example.org"], "only a partner account"),
                (["--role", "king", "k@example.org"], "king"),
            ]
            for (arguments, message) in cases {
                let outcome = try await KembarProcess.run(
                    ["user", "add"] + arguments, environment: database.environment)
                #expect(outcome.status != 0, "\(arguments)")
                #expect(outcome.standardError.contains(message), "\(arguments): \(outcome.standardError)")
            }
            let short = try await KembarProcess.run(
                ["user", "add", "--role", "officer", "--password-stdin", "s@example.org"],
                environment: database.environment, input: Data("short\n".utf8))
            #expect(short.status != 0)
            #expect(short.standardError.contains("at least 10 characters"))
            let list = try await KembarProcess.run(["user", "list"], environment: database.environment)
            #expect(list.standardOutput.split(separator: "\n").count == 1)
        }
    }

    static func demoFile() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kembar-demo-\(UUID().uuidString).json")
        try Fixtures.demoBytes().write(to: url)
        return url
    }
}
