import PostgresNIO
import Synchronization

/// The connection a transaction was lent, kept where its watcher can see whether it closed.
final class LentConnection: Sendable {
    private let connection = Mutex<PostgresConnection?>(nil)

    func set(_ lent: PostgresConnection) {
        connection.withLock { $0 = lent }
    }

    var isClosed: Bool { connection.withLock { $0?.isClosed ?? false } }
}
