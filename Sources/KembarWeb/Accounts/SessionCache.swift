import Foundation
import KembarStore
import Synchronization

/// Sessions found in the database, remembered for a moment, so that a busy page does not read the
/// sessions table on every request. A change of accounts or sessions made through this instance
/// forgets them at once; one made elsewhere (another instance, the command line) reaches this
/// instance within `lifetime`.
final class SessionCache: Sendable {
    private struct Entry {
        let session: SessionStore.Session
        let until: Date
    }

    static let lifetime: TimeInterval = 2
    static let capacity = 10_000
    private let entries = Mutex<[String: Entry]>([:])

    func session(tokenHash: String, now: Date) -> SessionStore.Session? {
        entries.withLock { entries in
            guard let entry = entries[tokenHash] else { return nil }
            guard entry.until > now else {
                entries[tokenHash] = nil
                return nil
            }
            return entry.session
        }
    }

    func keep(_ session: SessionStore.Session, now: Date) {
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[session.tokenHash] = Entry(session: session, until: now.addingTimeInterval(Self.lifetime))
        }
    }

    func forgetAll() {
        entries.withLock { $0.removeAll() }
    }
}
