import KembarCore
import KembarStore
import Synchronization

/// How many proposals and partner cities' entries wait for the decision of an account, for the
/// navigation of every page it opens: those of its government, or of every government for an
/// account of the whole deployment. Counted again only after the data changed (a proposal
/// arrives, an entry is confirmed), not on every request.
final class DecisionsWaiting: Sendable {
    private let counts = Mutex<[String: (count: Int, revision: Int)]>([:])

    /// Nothing for an account that decides nothing.
    func count(for account: Account, site: Site) async throws -> Int {
        guard !account.disabled, account.role == .officer || account.role == .admin else { return 0 }
        let organizationID = account.organizationID
        let key = organizationID ?? "*"
        let revision = try await site.revisions.current()
        if let kept = counts.withLock({ $0[key] }),
            !site.revisions.anythingChanged(in: organizationID.map { [$0] }, after: kept.revision)
        {
            return kept.count
        }
        let count =
            try await site.proposals.pendingTotal(organizationID: organizationID)
            + site.submissions.pendingTotal(organizationID: organizationID)
        counts.withLock { $0[key] = (count, revision) }
        return count
    }
}
