import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// One connection to the mail server: commands written, replies read one by one, each within
/// the time allowed; TLS from the start or after STARTTLS.
actor SMTPConnection {
    private let channel: any Channel
    /// Kept from the start: once the connection closes, the pipeline no longer holds it, and the
    /// reason it closed is still to be read from it.
    private let replies: NIOLoopBound<SMTPReplyHandler>
    private let timeout: TimeAmount
    private(set) var isEncrypted: Bool

    private init(channel: any Channel, replies: NIOLoopBound<SMTPReplyHandler>, timeout: TimeAmount, encrypted: Bool) {
        self.channel = channel
        self.replies = replies
        self.timeout = timeout
        isEncrypted = encrypted
    }

    static func open(_ server: SMTPServer, timeout: TimeAmount) async throws(SMTPError) -> SMTPConnection {
        let implicit = server.security == .implicitTLS
        let tls: NIOSSLContext?
        do {
            tls = implicit ? try context(server) : nil
        } catch {
            throw .connection("TLS: \(error)")
        }
        let host = server.host
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(timeout)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let tls {
                            try channel.pipeline.syncOperations.addHandler(
                                try NIOSSLClientHandler(context: tls, serverHostname: Self.serverName(host)))
                        }
                        try channel.pipeline.syncOperations.addHandler(SMTPReplyHandler())
                    }
                }
                .connect(host: server.host, port: server.port).get()
            let replies = try await channel.eventLoop.submit {
                NIOLoopBound(
                    try channel.pipeline.syncOperations.handler(type: SMTPReplyHandler.self),
                    eventLoop: channel.eventLoop)
            }.get()
            return SMTPConnection(channel: channel, replies: replies, timeout: timeout, encrypted: implicit)
        } catch {
            throw .connection("\(server.host):\(server.port): \(error)")
        }
    }

    /// The next reply, within the time allowed.
    func reply(step: String) async throws(SMTPError) -> SMTPReply {
        let eventLoop = channel.eventLoop
        let promise = eventLoop.makePromise(of: SMTPReply.self)
        let timeout = self.timeout
        let replies = self.replies
        eventLoop.execute {
            replies.value.expect(promise)
            let deadline = eventLoop.scheduleTask(in: timeout) { replies.value.abandon(.timeout(step)) }
            promise.futureResult.whenComplete { _ in deadline.cancel() }
        }
        do {
            return try await promise.futureResult.get()
        } catch let error as SMTPError {
            throw error
        } catch {
            throw .connection("\(error)")
        }
    }

    /// Writes `line` and a CRLF, and reads the reply. A secret line is never logged nor shown.
    func command(_ line: String, step: String, secret: Bool = false) async throws(SMTPError) -> SMTPReply {
        do {
            try await channel.writeAndFlush(ByteBuffer(string: line + "\r\n")).get()
        } catch {
            // Why the connection closed (a TLS handshake refused, say) waits as the next reply.
            _ = try await reply(step: step)
            throw .connection("writing \(step): \(error)")
        }
        return try await reply(step: step)
    }

    /// Puts TLS under the conversation, after the server's 220 to STARTTLS.
    func startTLS(_ server: SMTPServer) async throws(SMTPError) {
        let channel = self.channel
        do {
            let context = try Self.context(server)
            let name = Self.serverName(server.host)
            try await channel.eventLoop.submit {
                try channel.pipeline.syncOperations.addHandler(
                    try NIOSSLClientHandler(context: context, serverHostname: name), position: .first)
            }.get()
            isEncrypted = true
        } catch {
            throw .connection("TLS: \(error)")
        }
    }

    func close() async {
        try? await channel.close().get()
    }

    private static func context(_ server: SMTPServer) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let authorities = server.certificateAuthorities {
            configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(authorities))
        }
        return try NIOSSLContext(configuration: configuration)
    }

    /// The name for SNI and the certificate's check; an address by number has none.
    private static func serverName(_ host: String) -> String? {
        host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" } ? nil : host
    }
}
