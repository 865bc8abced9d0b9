import KembarCore
import Synchronization

/// What a page reads of the record: some governments' records with each partnership's evaluation
/// as of `day`, and the id of each partnership's partner row.
struct RecordView: Sendable {
    let day: CalendarDay
    let policy: EvaluationPolicy
    let records: [CooperationRecord]
    /// Organization id → partnership id → evaluation.
    let evaluations: [String: [String: PartnershipEvaluation]]
    /// Organization id → partnership id → partner row id.
    let partnerIDs: [String: [String: String]]

    func record(_ organizationID: String) -> CooperationRecord? {
        records.first { $0.organization.id == organizationID }
    }

    func evaluation(_ organizationID: String, _ partnershipID: String) -> PartnershipEvaluation? {
        evaluations[organizationID]?[partnershipID]
    }
}

/// Notes, while a page renders, whether everything it read was current, so that a page made
/// from yesterday's evaluations (served while today's are computed) is not kept.
final class PageReading: Sendable {
    @TaskLocal static var current: PageReading?

    private let stale = Mutex(false)

    func readStale() {
        stale.withLock { $0 = true }
    }

    var isCurrent: Bool { !stale.withLock { $0 } }
}
