import KembarCore
import KembarStore

/// Every organization's record and evaluation as of today, computed once per data revision and
/// day and shared by all pages, so that scorecards are not recomputed on every request.
actor EvaluationCache {
    struct Snapshot: Sendable {
        let revision: Int
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

        /// Only the governments whose records `account` may read: an officer of one government
        /// never sees another's.
        func visible(to account: Account) -> Snapshot {
            guard account.organizationID != nil else { return self }
            let kept = records.filter { account.covers($0.organization.id) }
            let ids = Set(kept.map(\.organization.id))
            return Snapshot(
                revision: revision, day: day, policy: policy, records: kept,
                evaluations: evaluations.filter { ids.contains($0.key) },
                partnerIDs: partnerIDs.filter { ids.contains($0.key) })
        }
    }

    private let store: RecordStore
    private let revisions: RevisionWatch
    private let policy: EvaluationPolicy
    private var snapshot: Snapshot?
    private var loading: (revision: Int, day: CalendarDay, task: Task<Snapshot, any Error>)?

    init(store: RecordStore, revisions: RevisionWatch, policy: EvaluationPolicy) {
        self.store = store
        self.revisions = revisions
        self.policy = policy
    }

    func current(today: CalendarDay) async throws -> Snapshot {
        let revision = try await revisions.current()
        if let snapshot, snapshot.revision == revision, snapshot.day == today { return snapshot }
        // Requests arriving while the snapshot is computed wait for the same computation.
        if let loading, loading.revision == revision, loading.day == today { return try await loading.task.value }
        let store = self.store
        let policy = self.policy
        let task = Task {
            var records: [CooperationRecord] = []
            var evaluations: [String: [String: PartnershipEvaluation]] = [:]
            var partners: [String: [String: String]] = [:]
            for organization in try await store.organizations() {
                let (record, partnerIDs) = try await store.exportRecordWithPartners(organizationID: organization.id)
                records.append(record)
                partners[organization.id] = partnerIDs
                var byID: [String: PartnershipEvaluation] = [:]
                for partnership in record.partnerships {
                    byID[partnership.id] = Evaluator.evaluate(partnership, of: record, asOf: today, policy: policy)
                }
                evaluations[organization.id] = byID
            }
            return Snapshot(
                revision: revision, day: today, policy: policy, records: records, evaluations: evaluations,
                partnerIDs: partners)
        }
        loading = (revision, today, task)
        let result = try await task.value
        if snapshot.map({ $0.revision <= revision }) ?? true { snapshot = result }
        if loading?.revision == revision, loading?.day == today { loading = nil }
        return result
    }
}
