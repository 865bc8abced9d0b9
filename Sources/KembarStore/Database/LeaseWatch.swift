import Synchronization

/// Tells a server that cannot be reached from a pool that is only busy. A transaction waiting
/// for a connection gives up, as ``DatabaseUnreachable``, when no connection at all has been lent
/// or returned for `patience`: a busy pool keeps lending as transactions end, a pool whose server
/// is down lends nothing. Once that has happened, waits are cut short until a connection is lent
/// again, so that every request learns of the outage at once.
final class LeaseWatch: Sendable {
    /// One transaction's wait for its connection.
    final class Lease: Sendable {
        private let granted = Mutex(false)

        var isGranted: Bool { granted.withLock { $0 } }

        fileprivate func grant() {
            granted.withLock { $0 = true }
        }
    }

    private struct State {
        var lastActivity = ContinuousClock.now
        var unreachable = false
    }

    let patience: Duration
    static let patienceDuringOutage = Duration.milliseconds(250)
    private let state = Mutex(State())

    init(patience: Duration) {
        self.patience = patience
    }

    func lent(_ lease: Lease) {
        lease.grant()
        state.withLock { state in
            state.lastActivity = .now
            state.unreachable = false
        }
    }

    func returned() {
        state.withLock { $0.lastActivity = .now }
    }

    /// Returns once the lease is granted; throws when the server seems unreachable first.
    func watch(_ lease: Lease) async throws {
        while true {
            let wait = state.withLock { $0.unreachable } ? Self.patienceDuringOutage : patience
            try await Task.sleep(for: wait)
            if lease.isGranted { return }
            let idle = state.withLock { state -> Bool in
                guard ContinuousClock.now - state.lastActivity >= wait else { return false }
                state.unreachable = true
                return true
            }
            if idle { throw DatabaseUnreachable(waited: wait) }
        }
    }
}
