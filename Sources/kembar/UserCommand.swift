import ArgumentParser
import Foundation
import KembarCore
import KembarStore

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the accounts of the people who sign in.",
        subcommands: [UserAddCommand.self, UserListCommand.self]
    )
}

struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Create an account.",
        discussion: """
            Prints a one-time password, which must be changed at the first sign-in; with \
            --password-stdin, reads the password from the first line of standard input instead. \
            An administrator without --organization manages the whole deployment; every other role \
            belongs to one government (the only one in the database when there is just one), and a \
            partner account also to one partnership.
            """
    )

    @Option(help: "admin, officer, viewer, partner or researcher.")
    var role: Role

    @Option(help: "The government (organization id) the account belongs to.")
    var organization: String?

    @Option(help: "For a partner account: the partnership it belongs to.")
    var partnership: String?

    @Option(help: "The person's name (default: the e-mail address).")
    var name: String?

    @Flag(help: "Read the password from standard input instead of printing a one-time password.")
    var passwordStdin = false

    @Argument(help: "The e-mail address the person signs in with.")
    var email: String

    func run() async throws {
        try await reportingFailures {
            let logger = CommandSupport.logger("kembar.user")
            try await CommandSupport.withDatabase(logger: logger) { database in
                var organizationID = organization
                if organizationID == nil, role != .admin {
                    let organizations = try await RecordStore(database: database).organizations()
                    if organizations.count == 1 { organizationID = organizations[0].id }
                }
                let password: String
                if passwordStdin {
                    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                        throw CommandFailure("no password on standard input")
                    }
                    password = line
                } else {
                    password = Passwords.oneTime()
                }
                let account = try await AccountStore(database: database).create(
                    .init(
                        email: email, name: name ?? "", role: role, organizationID: organizationID,
                        partnershipID: partnership),
                    password: password, oneTime: !passwordStdin, actor: "cli")
                let scope = account.organizationID.map { "government \($0)" } ?? "the whole deployment"
                CommandSupport.say("Created \(account.role.rawValue) account \(account.email) for \(scope).")
                if !passwordStdin {
                    CommandSupport.say("One-time password: \(password)  (to be changed at the first sign-in)")
                }
            }
        }
    }
}

struct UserListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts.")

    func run() async throws {
        try await reportingFailures {
            let logger = CommandSupport.logger("kembar.user")
            try await CommandSupport.withDatabase(logger: logger) { database in
                for account in try await AccountStore(database: database).accounts(organizationID: nil) {
                    let fields = [
                        account.email, account.role.rawValue, account.organizationID ?? "*",
                        account.partnershipID ?? "",
                        account.disabled ? "disabled" : "active",
                    ]
                    CommandSupport.say(fields.joined(separator: "\t"))
                }
            }
        }
    }
}

extension Role: ExpressibleByArgument {}
