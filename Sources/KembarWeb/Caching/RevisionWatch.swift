import Foundation
import KembarStore
import Synchronization

/// Knows the data revision, and which governments and partnerships changed after any revision
/// it has seen, without asking the database on every request: it asks at most every half second,
/// and at once after this process wrote. Another instance's write (or a `kembar import` beside a
/// running server) is therefore seen within half a second, and drops from the caches only what
/// it changed.
final class RevisionWatch: Sendable {
    private struct State {
        /// The revision up to which changes are known; nil before the first look.
        var known: Int?
        var checkedAt: ContinuousClock.Instant?
        /// Counts this process's writes, so that an answer the database gave before a write is not
        /// taken as current after it.
        var writes = 0
        /// The newest revision that changed each scope, for the scopes changed since start.
        var changed: [RevisionScope: Int] = [:]
        /// The newest revision that changed anything of a government (itself or a partnership).
        var changedInOrganization: [String: Int] = [:]
        var lastChangeToAnyOrganization = 0
        var lastDeploymentChange = 0
    }

    private let database: any KembarDatabase
    private let state = Mutex(State())
    private let polls = PollQueue()
    /// How old the known revision may be before the database is asked again.
    let freshness: Duration
    static let defaultFreshness = Duration.milliseconds(500)

    init(database: any KembarDatabase, freshness: Duration = RevisionWatch.defaultFreshness) {
        self.database = database
        self.freshness = freshness
    }

    /// The data revision, no older than ``freshness`` and including this process's own writes.
    func current() async throws -> Int {
        let fresh = state.withLock { state -> Int? in
            guard let known = state.known, let checkedAt = state.checkedAt,
                ContinuousClock.now - checkedAt < freshness
            else { return nil }
            return known
        }
        if let fresh { return fresh }
        return try await polls.poll(self)
    }

    /// Call after a write by this process, so the next read sees it.
    func didWrite() {
        state.withLock { state in
            state.writes += 1
            state.checkedAt = nil
        }
    }

    var writeCount: Int { state.withLock { $0.writes } }

    /// Asks the database what changed after the revision known, and learns it.
    fileprivate func look() async throws -> Int {
        let (known, writesBefore) = state.withLock { ($0.known, $0.writes) }
        guard let known else {
            // Nothing is cached before the first look, so nothing older needs dropping.
            let revision = try await DataRevision.current(database)
            state.withLock { state in
                if state.known == nil { state.known = revision }
                if state.writes == writesBefore { state.checkedAt = .now }
            }
            return revision
        }
        let changes = try await DataRevision.changes(after: known, in: database)
        return state.withLock { state in
            if changes.revision > state.known ?? 0 {
                for (scope, revision) in changes.changed {
                    state.changed[scope] = max(state.changed[scope] ?? 0, revision)
                    if let organizationID = scope.organizationID {
                        state.changedInOrganization[organizationID] = max(
                            state.changedInOrganization[organizationID] ?? 0, revision)
                        state.lastChangeToAnyOrganization = max(state.lastChangeToAnyOrganization, revision)
                    } else {
                        state.lastDeploymentChange = max(state.lastDeploymentChange, revision)
                    }
                }
                state.known = changes.revision
            }
            if state.writes == writesBefore { state.checkedAt = .now }
            return state.known ?? changes.revision
        }
    }

    // MARK: - What a copy read at a revision still holds

    /// Whether a partnership, or its government's own details, changed after `revision`.
    func partnershipChanged(organizationID: String, partnershipID: String, after revision: Int) -> Bool {
        state.withLock { state in
            (state.changed[.partnership(organizationID: organizationID, partnershipID: partnershipID)] ?? 0) > revision
                || (state.changed[.organization(organizationID)] ?? 0) > revision
        }
    }

    /// Whether a government's own details or its set of partnerships changed after `revision`.
    func organizationChanged(_ organizationID: String, after revision: Int) -> Bool {
        state.withLock { ($0.changed[.organization(organizationID)] ?? 0) > revision }
    }

    /// Whether anything of the deployment's own (the set of governments, the code book) changed.
    func deploymentChanged(after revision: Int) -> Bool {
        state.withLock { $0.lastDeploymentChange > revision }
    }

    /// Whether anything a page of `organizations` (nil: of every government) may show changed.
    func anythingChanged(in organizations: Set<String>?, after revision: Int) -> Bool {
        state.withLock { state in
            guard state.lastDeploymentChange <= revision else { return true }
            guard let organizations else { return state.lastChangeToAnyOrganization > revision }
            return organizations.contains { (state.changedInOrganization[$0] ?? 0) > revision }
        }
    }
}

/// Lets one look at the database run at a time; callers arriving meanwhile share its answer,
/// unless this process wrote after it began (its answer may not include the write).
private actor PollQueue {
    private var running: (task: Task<Int, any Error>, writes: Int)?

    func poll(_ watch: RevisionWatch) async throws -> Int {
        let writes = watch.writeCount
        if let running, running.writes >= writes { return try await running.task.value }
        let task = Task { try await watch.look() }
        running = (task, writes)
        defer { if running?.task == task { running = nil } }
        return try await task.value
    }
}
