import NIOCore
import NIOSSL

/// A server's reply: its code and its lines of text (several for a multi-line reply).
public struct SMTPReply: Sendable, Equatable {
    public var code: Int
    public var lines: [String]

    public var text: String { lines.joined(separator: " ") }
    public var isPositive: Bool { (200..<400).contains(code) }
}

/// Reads replies off the connection: `250-first`, `250-second`, `250 last` make one reply. Each
/// reply goes to the promise waiting for it, or waits for the next to ask.
final class SMTPReplyHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    /// A line longer than this is no SMTP server's.
    static let lineLimit = 4096

    private var pending: [UInt8] = []
    private var lines: [String] = []
    private var ready: [Result<SMTPReply, SMTPError>] = []
    private var waiting: EventLoopPromise<SMTPReply>?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        pending += buffer.readBytes(length: buffer.readableBytes) ?? []
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            var line = Array(pending[..<newline])
            pending.removeSubrange(...newline)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            take(String(decoding: line, as: UTF8.self))
        }
        if pending.count > Self.lineLimit {
            pending = []
            deliver(.failure(.protocolViolation("a reply line longer than \(Self.lineLimit) bytes")))
        }
    }

    private func take(_ line: String) {
        let characters = Array(line)
        guard characters.count >= 3, let code = Int(String(characters[0..<3])), (200...599).contains(code),
            characters.count == 3 || characters[3] == " " || characters[3] == "-"
        else {
            deliver(.failure(.protocolViolation("the server answered \"\(line.prefix(200))\"")))
            return
        }
        lines.append(characters.count > 4 ? String(characters[4...]) : "")
        if characters.count == 3 || characters[3] == " " {
            deliver(.success(SMTPReply(code: code, lines: lines)))
            lines = []
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        deliver(.failure(.closed))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        deliver(.failure(.connection(error is NIOSSLError ? "TLS handshake failed: \(error)" : "\(error)")))
        context.close(promise: nil)
    }

    /// Fulfils `promise` with the next reply, now when one is already read.
    func expect(_ promise: EventLoopPromise<SMTPReply>) {
        if ready.isEmpty {
            waiting = promise
        } else {
            complete(promise, with: ready.removeFirst())
        }
    }

    /// Fails the promise waiting, when it still waits (the time allowed has passed).
    func abandon(_ error: SMTPError) {
        guard let waiting else { return }
        self.waiting = nil
        waiting.fail(error)
    }

    private func deliver(_ result: Result<SMTPReply, SMTPError>) {
        if let waiting {
            self.waiting = nil
            complete(waiting, with: result)
        } else {
            ready.append(result)
        }
    }

    private func complete(_ promise: EventLoopPromise<SMTPReply>, with result: Result<SMTPReply, SMTPError>) {
        switch result {
        case .success(let reply): promise.succeed(reply)
        case .failure(let error): promise.fail(error)
        }
    }
}
