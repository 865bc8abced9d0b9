import Foundation
import Hummingbird
import HummingbirdTesting
import KembarStore
import KembarTestSupport
import Logging
import NIOCore
import NIOPosix
import Testing

@testable import KembarWeb

/// What a connection may hold of a running server (over real sockets, since the limits live in
/// the HTTP channel that the router tests skip).
@Suite struct ConnectionLimitTests {
    /// A second, so that the tests wait little; what is checked is that the server closes, not when.
    static let limits = ConnectionLimits(idleTimeoutSeconds: 1)
    /// Far longer than the timeout, so that a loaded machine cannot fail the tests (in a full
    /// run beside the other suites, the byte-at-a-time head was cut after 40 s, not 1).
    static let patience = Duration.seconds(600)

    func withServer(
        _ limits: ConnectionLimits = Self.limits, _ body: @escaping @Sendable (Int) async throws -> Void
    ) async throws {
        try await TestDatabase.withMigrated { database in
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            let app = try await buildApplication(
                database: database, hostname: "localhost", port: 0,
                security: SecuritySettings(passwords: testPasswords),
                logger: logger, connections: limits)
            try await app.test(.live) { client in
                try await body(try #require(client.port))
            }
        }
    }

    @Test func aConnectionThatSaysNothingIsClosed() async throws {
        try await withServer { port in
            let outcome = try await RawConnection.open(port: port).run(sending: [], limit: Self.patience)
            #expect(outcome.closedByServer)
            #expect(outcome.received.isEmpty)
        }
    }

    @Test func aHeadSentAByteAtATimeIsCutOff() async throws {
        try await withServer { port in
            // Each byte comes well within the idle timeout, but the head is never whole.
            let slow = Array(repeating: "X", count: 6000)
            let outcome = try await RawConnection.open(port: port).run(
                sending: ["GET /healthz HTTP/1.1\r\nHost: kembar\r\nX-Slow: "] + slow, pause: .milliseconds(100),
                limit: Self.patience)
            #expect(outcome.closedByServer)
            #expect(outcome.received.isEmpty)
        }
    }

    @Test func aKeptAliveConnectionIsClosedAfterItsLastAnswer() async throws {
        try await withServer { port in
            let outcome = try await RawConnection.open(port: port).run(
                sending: ["GET /healthz HTTP/1.1\r\nHost: kembar\r\n\r\n"], limit: Self.patience)
            #expect(outcome.closedByServer)
            #expect(outcome.received.hasPrefix("HTTP/1.1 200 OK\r\n"))
        }
    }

    @Test(arguments: [
        "X-Large: \(String(repeating: "a", count: 17 * 1024))\r\n",
        (0..<101).map { "X-Header-\($0): a\r\n" }.joined(),
        (0..<3).map { "X-Part-\($0): \(String(repeating: "a", count: 12 * 1024))\r\n" }.joined(),
    ])
    func anOversizedHeadIsRefused(headers: String) async throws {
        try await withServer { port in
            let outcome = try await RawConnection.open(port: port).run(
                sending: ["GET /healthz HTTP/1.1\r\nHost: kembar\r\n\(headers)\r\n"], limit: Self.patience)
            #expect(outcome.received.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
            #expect(outcome.closedByServer)
        }
    }

    @Test func anAddressLongerThanAHeaderLineIsRefused() async throws {
        try await withServer { port in
            let outcome = try await RawConnection.open(port: port).run(
                sending: ["GET /?q=\(String(repeating: "a", count: 17 * 1024)) HTTP/1.1\r\nHost: kembar\r\n\r\n"],
                limit: Self.patience)
            #expect(outcome.received.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        }
    }

    @Test func aThousandIdleConnectionsDoNotStopService() async throws {
        // Both ends of every connection are in this process: two thousand files.
        OpenFileLimit.raise(logger: Logger(label: "test"))
        // The standard timeout, so that none of them is closed before the last is open.
        try await withServer(.standard) { port in
            var idle: [any Channel] = []
            for index in 0..<1000 {
                let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .connect(host: "localhost", port: port).get()
                // Half of them begin a request and never finish it.
                if index.isMultiple(of: 2) {
                    try await channel.writeAndFlush(ByteBuffer(string: "GET / HTTP/1.1\r\nHost: kembar\r\n")).get()
                }
                idle.append(channel)
            }
            let outcome = try await RawConnection.open(port: port).run(
                sending: ["GET /healthz HTTP/1.1\r\nHost: kembar\r\nConnection: close\r\n\r\n"], limit: Self.patience)
            #expect(outcome.received.hasPrefix("HTTP/1.1 200 OK\r\n"))
            for channel in idle { try? await channel.close() }
        }
    }
}
