import KembarWeb
import Synchronization

/// Counts the evaluations a site computes, by government and partnership.
final class EvaluationCounter: CacheObserver {
    private let counts = Mutex<[String: Int]>([:])

    func evaluated(organizationID: String, partnershipID: String) {
        counts.withLock { $0["\(organizationID)/\(partnershipID)", default: 0] += 1 }
    }

    /// Evaluations of a government's partnerships, or of one partnership.
    func count(_ organizationID: String, _ partnershipID: String? = nil) -> Int {
        counts.withLock { counts in
            counts.filter { key, _ in
                partnershipID.map { key == "\(organizationID)/\($0)" } ?? key.hasPrefix(organizationID + "/")
            }.values.reduce(0, +)
        }
    }
}
