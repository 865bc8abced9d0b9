import PostgresNIO
import Synchronization

/// The connection a transaction was lent, kept where its watcher can close it.
final class LentConnection: Sendable {
    private let connection = Mutex<PostgresConnection?>(nil)

    func set(_ lent: PostgresConnection) {
        connection.withLock { $0 = lent }
    }

    var isClosed: Bool { connection.withLock { $0?.isClosed ?? false } }

    func close() async {
        guard let lent = connection.withLock({ $0 }) else { return }
        try? await lent.close()
    }
}
