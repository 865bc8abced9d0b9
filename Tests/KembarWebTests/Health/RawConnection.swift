import NIOCore
import NIOPosix

/// A TCP connection to a running server that sends bytes exactly as given, for requests no
/// HTTP client would send: a head never finished, or one too large.
struct RawConnection {
    let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>

    static func open(port: Int) async throws -> RawConnection {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "localhost", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return RawConnection(channel: channel)
    }

    /// What happened to a connection: whether the server closed it within the time allowed, and
    /// what it sent before.
    struct Outcome {
        let closedByServer: Bool
        let received: String
    }

    /// Sends `chunks` one after another (waiting `pause` between them) and reads until the server
    /// closes the connection or `limit` passes.
    func run(sending chunks: [String], pause: Duration = .zero, limit: Duration) async throws -> Outcome {
        try await channel.executeThenClose { inbound, outbound in
            try await withThrowingTaskGroup(of: Outcome?.self) { group in
                group.addTask {
                    var received = ByteBuffer()
                    // A reset is as much a close as an orderly end.
                    do { for try await var part in inbound { received.writeBuffer(&part) } } catch {}
                    return Outcome(closedByServer: true, received: String(buffer: received))
                }
                group.addTask {
                    for chunk in chunks {
                        // A server that closed the connection refuses the rest: that is its answer.
                        do { try await outbound.write(ByteBuffer(string: chunk)) } catch { return nil }
                        try await Task.sleep(for: pause)
                    }
                    return nil
                }
                group.addTask {
                    try await Task.sleep(for: limit)
                    return Outcome(closedByServer: false, received: "")
                }
                while let next = try await group.next() {
                    if let outcome = next {
                        group.cancelAll()
                        return outcome
                    }
                }
                return Outcome(closedByServer: false, received: "")
            }
        }
    }
}
