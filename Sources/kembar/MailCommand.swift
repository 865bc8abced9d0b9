import ArgumentParser
import Foundation
import KembarMail
import KembarStore
import KembarWeb

/// `kembar mail …`: mail through the SMTP server.
struct MailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail",
        abstract: "Send mail through the SMTP server.",
        subcommands: [MailTestCommand.self, MailDigestsCommand.self]
    )
}

/// Where mail goes and whom it comes from: options, else `KEMBAR_SMTP_URL` and `KEMBAR_MAIL_FROM`.
struct MailOptions: ParsableArguments {
    @Option(
        name: .customLong("smtp-url"),
        help:
            "The mail server: smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465 (TLS). Default: KEMBAR_SMTP_URL."
    )
    var smtpURL: String?

    @Option(help: "The sender, e.g. \"Kembar Kota Bandung <kerjasama@bandung.go.id>\". Default: KEMBAR_MAIL_FROM.")
    var mailFrom: String?

    /// The server and sender, for a command that cannot go without them.
    func required() throws -> (server: SMTPServer, from: MailAddress) {
        guard let settings = try settings() else {
            throw CommandFailure("no mail server: give --smtp-url smtp://user:password@host:587 (or KEMBAR_SMTP_URL)")
        }
        return settings
    }

    /// The server and sender, or nil when no server is given anywhere.
    func settings() throws -> (server: SMTPServer, from: MailAddress)? {
        let environment = ProcessInfo.processInfo.environment
        guard let url = smtpURL ?? environment["KEMBAR_SMTP_URL"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            return nil
        }
        let server: SMTPServer
        do {
            server = try SMTPServer(url: url)
        } catch {
            throw CommandFailure(error.description)
        }
        guard let fromText = mailFrom ?? environment["KEMBAR_MAIL_FROM"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw CommandFailure(
                "a mail server is given but no sender: add --mail-from \"Name <address>\" (or KEMBAR_MAIL_FROM)")
        }
        do {
            return (server, try MailAddress(parsing: fromText))
        } catch {
            throw CommandFailure("--mail-from: \(error.description)")
        }
    }
}

struct MailTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Send a test message to EMAIL; exits 1 with the reason when the server cannot be reached or refuses."
    )

    @Argument(help: "The address to send the test message to.")
    var email: String

    @OptionGroup var mail: MailOptions

    @Option(help: "The message's language: id or en.")
    var language = "id"

    func run() async throws {
        try await reportingFailures {
            let (server, from) = try mail.required()
            let to: MailAddress
            do {
                to = try MailAddress(address: email)
            } catch {
                throw CommandFailure("\(error)")
            }
            let message = MailMessage.test(from: from, to: to, server: server.redacted, language: language)
            do {
                _ = try await SMTPClient(server: server).send(
                    message.rendered(), from: from.address, to: [to.address])
            } catch {
                throw CommandFailure("the test message was not sent: \(error)")
            }
            CommandSupport.say("sent a test message to \(to.address) through \(server.redacted)")
        }
    }
}

struct MailDigestsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send-digests",
        abstract: "Write the weekly digests that are due (with --now, everyone's) and send what the outbox holds.",
        discussion: """
            A digest is due a week after a person's last. Each is written once per person and day, \
            so a second run sends nothing new. --dry-run lists who would get one, and sends nothing.
            """
    )

    @OptionGroup var mail: MailOptions

    @Flag(help: "Everyone's digest now, whenever their last one went.")
    var now = false

    @Flag(help: "List the digests that would be written; write and send nothing.")
    var dryRun = false

    @Option(help: "The address people reach Kembar at, for the links in the messages. Default: KEMBAR_PUBLIC_URL.")
    var publicURL: String?

    @Option(help: "Where the day turns (an IANA time zone).")
    var timeZone = "Asia/Jakarta"

    func run() async throws {
        try await reportingFailures {
            let (server, from) = try mail.required()
            guard let text = publicURL ?? ProcessInfo.processInfo.environment["KEMBAR_PUBLIC_URL"] else {
                throw CommandFailure("the messages' links need --public-url https://… (or KEMBAR_PUBLIC_URL)")
            }
            let base = try PublicURL.normalized(text)
            guard let zone = TimeZone(identifier: timeZone) else {
                throw CommandFailure("--time-zone \(timeZone) is not a time zone Kembar knows")
            }
            let logger = CommandSupport.logger("kembar.mail")
            let outcome = try await CommandSupport.withDatabase(logger: logger) { database in
                try await MailRun.sendDigests(
                    database: database, mail: MailSetup(server: server, from: from), publicURL: base, everyone: now,
                    dryRun: dryRun, timeZone: zone, logger: logger)
            }
            for digest in outcome.digests {
                CommandSupport.say(
                    "\(dryRun ? "would write" : "wrote") a digest to \(digest.recipient): \(digest.subject)")
            }
            if dryRun {
                CommandSupport.say("\(outcome.digests.count) digests due; nothing written, nothing sent")
            } else {
                CommandSupport.say(
                    "\(outcome.digests.count) digests written; \(outcome.sent) messages sent, \(outcome.failed) not sent (see the delivery log)"
                )
                if outcome.failed > 0 { throw ExitCode.failure }
            }
        }
    }
}
