import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Hands messages to a mail server over SMTP (RFC 5321): EHLO, STARTTLS when offered (or TLS
/// from the start), AUTH PLAIN or LOGIN when a user is given, then the envelope and the
/// dot-stuffed message. Every step waits at most `timeout` for the server's reply.
public struct SMTPClient: Sendable {
    /// What the server did with the recipients of a message it accepted.
    public struct Delivery: Sendable, Equatable {
        public var accepted: [String]
        /// Each refused recipient with the server's code and text.
        public var refused: [String: String]
    }

    public let server: SMTPServer
    public let timeout: TimeAmount
    /// The name Kembar gives itself in EHLO.
    public let clientName: String

    public init(server: SMTPServer, timeout: TimeAmount = .seconds(30), clientName: String? = nil) {
        self.server = server
        self.timeout = timeout
        self.clientName = clientName ?? SMTPClient.defaultClientName()
    }

    /// Sends `message` (rendered) from `sender` to `recipients` in one transaction.
    public func send(_ message: String, from sender: String, to recipients: [String]) async throws(SMTPError)
        -> Delivery
    {
        let connection = try await SMTPConnection.open(server, timeout: timeout)
        do {
            let delivery = try await transaction(connection, message: message, sender: sender, recipients: recipients)
            _ = try? await connection.command("QUIT", step: "QUIT")
            await connection.close()
            return delivery
        } catch {
            await connection.close()
            throw error
        }
    }

    private func transaction(
        _ connection: SMTPConnection, message: String, sender: String, recipients: [String]
    ) async throws(SMTPError) -> Delivery {
        try await expect(connection.reply(step: "greeting"), 220, "the greeting")
        var features = try await hello(connection)
        if server.security != .implicitTLS {
            if features.contains("STARTTLS") {
                try await expect(connection.command("STARTTLS", step: "STARTTLS"), 220, "STARTTLS")
                try await connection.startTLS(server)
                features = try await hello(connection)
            } else if server.security == .startTLSRequired {
                throw .noTLS
            }
        }
        try await authenticate(connection, features: features)
        try await expect(connection.command("MAIL FROM:<\(sender)>", step: "MAIL FROM"), 250, "the sender \(sender)")
        var delivery = Delivery(accepted: [], refused: [:])
        for recipient in recipients {
            let reply = try await connection.command("RCPT TO:<\(recipient)>", step: "RCPT TO")
            if reply.code == 250 || reply.code == 251 {
                delivery.accepted.append(recipient)
            } else {
                delivery.refused[recipient] = "\(reply.code) \(reply.text)"
            }
        }
        guard !delivery.accepted.isEmpty else {
            _ = try? await connection.command("RSET", step: "RSET")
            throw .recipientsRefused(delivery.refused)
        }
        try await expect(connection.command("DATA", step: "DATA"), 354, "the message")
        try await expect(
            connection.command(Self.dotStuffed(message) + ".", step: "the end of the message"), 250, "the message")
        return delivery
    }

    /// EHLO, and the extensions the server names (upper-cased first words).
    private func hello(_ connection: SMTPConnection) async throws(SMTPError) -> Set<String> {
        let reply = try await connection.command("EHLO \(clientName)", step: "EHLO")
        try expect(reply, 250, "EHLO")
        return Set(reply.lines.dropFirst().map { $0.split(separator: " ").first.map { $0.uppercased() } ?? "" })
            .union(reply.lines.dropFirst().filter { $0.uppercased().hasPrefix("AUTH") }.map { $0.uppercased() })
    }

    private func authenticate(_ connection: SMTPConnection, features: Set<String>) async throws(SMTPError) {
        guard let username = server.username else { return }
        let password = server.password ?? ""
        guard await connection.isEncrypted else {
            throw .authentication("the server offers no TLS, and the password would go in clear")
        }
        let mechanisms = Set(
            features.filter { $0.hasPrefix("AUTH ") || $0.hasPrefix("AUTH=") }.flatMap {
                $0.dropFirst(5).split(separator: " ").map(String.init)
            })
        if mechanisms.contains("PLAIN") {
            let credentials = Data(("\0" + username + "\0" + password).utf8).base64EncodedString()
            try expect(
                try await connection.command("AUTH PLAIN \(credentials)", step: "AUTH", secret: true), 235,
                "the sign-in")
        } else if mechanisms.contains("LOGIN") {
            try expect(try await connection.command("AUTH LOGIN", step: "AUTH"), 334, "the sign-in")
            try expect(
                try await connection.command(
                    Data(username.utf8).base64EncodedString(), step: "AUTH", secret: true), 334, "the sign-in")
            try expect(
                try await connection.command(
                    Data(password.utf8).base64EncodedString(), step: "AUTH", secret: true), 235, "the sign-in")
        } else {
            throw .authentication("the server offers neither AUTH PLAIN nor AUTH LOGIN")
        }
    }

    @discardableResult
    private func expect(_ reply: SMTPReply, _ code: Int, _ step: String) throws(SMTPError) -> SMTPReply {
        guard reply.code == code else { throw .refused(step: step, code: reply.code, text: reply.text) }
        return reply
    }

    /// The message with CRLF line ends, every line that begins with a dot given another
    /// (RFC 5321, 4.5.2), ending in CRLF.
    static func dotStuffed(_ message: String) -> String {
        var lines = message.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n") + "\r\n"
    }

    private static func defaultClientName() -> String {
        let name = ProcessInfo.processInfo.hostName
        return name.isEmpty || name.contains(" ") ? "localhost" : name
    }
}
