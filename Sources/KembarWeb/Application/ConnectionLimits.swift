import Hummingbird
import HummingbirdCore
import NIOCore

/// What one connection may hold of the server: how long it may stay silent, and how large the
/// head of a request may be. Without an idle timeout a client that opens a connection and never
/// finishes its request (or vanishes without closing it) would hold it for ever.
public struct ConnectionLimits: Sendable, Equatable {
    /// Seconds a connection may go without a whole request head or body part before it is
    /// closed: between requests on a kept-alive connection, and while a request's head arrives
    /// (a head sent a byte at a time is cut at this age, since only a complete head counts).
    public var idleTimeoutSeconds: Int
    /// The longest single header line, in bytes.
    public var headerFieldBytes: Int
    /// All header lines of one request together, in bytes.
    public var headerBytes: Int
    /// How many header lines one request may have.
    public var headerFields: Int

    public init(
        idleTimeoutSeconds: Int = Self.standardIdleTimeoutSeconds, headerFieldBytes: Int = 16 * 1024,
        headerBytes: Int = 32 * 1024, headerFields: Int = 100
    ) {
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.headerFieldBytes = headerFieldBytes
        self.headerBytes = headerBytes
        self.headerFields = headerFields
    }

    /// Longer than nginx keeps an idle connection to an instance (`keepalive_timeout`, 60 s), so
    /// that Kembar never closes a connection the proxy is about to reuse.
    public static let standardIdleTimeoutSeconds = 75

    public static let standard = ConnectionLimits()

    /// The idle timeouts `serve --idle-timeout` accepts, in seconds.
    public static let idleTimeoutRange = 1...3600

    var server: HTTPServerBuilder {
        .http1(
            configuration: .init(
                idleTimeout: .seconds(Int64(idleTimeoutSeconds)),
                httpDecoderConfiguration: .init(
                    maxHeaderFieldSize: headerFieldBytes, maxHeaderListSize: headerBytes,
                    maxHeaderFieldCount: headerFields)))
    }
}
