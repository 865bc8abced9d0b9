import Foundation
import KembarCore
import KembarStore
import Logging

/// Partnerships and their evaluations as of today, read from the database when first asked
/// for and kept within a budget of memory (least recently used first out), without documents'
/// text. A write drops only what it changed (``RevisionWatch``); a new day keeps serving
/// yesterday's evaluation of a partnership while today's is computed beside it.
actor RecordCache {
    struct Key: Hashable, Sendable {
        let organizationID: String
        let partnershipID: String
    }

    /// What a partnership's evaluation depends on besides the partnership: its government's
    /// details and how many partnerships the government keeps (the office's load).
    struct Profile: Hashable, Sendable {
        let organization: Organization
        let partnershipCount: Int
    }

    struct Entry: Sendable {
        let partnership: Partnership
        let partnerID: String
        /// The data revision the partnership was read at.
        let revision: Int
        var evaluation: PartnershipEvaluation
        var day: CalendarDay
        var profile: Profile
    }

    /// A government's partnerships as asked for, each with its evaluation.
    struct Assembled: Sendable {
        let index: OrganizationIndex
        let entries: [Entry]
        /// False when an evaluation of an earlier day was served while today's is computed.
        let fresh: Bool
    }

    private struct Index {
        let value: OrganizationIndex
        let revision: Int
    }

    /// More missing partnerships than this are read with their whole government in one pass.
    static let wholeGovernmentThreshold = 4

    private let store: RecordStore
    private let watch: RevisionWatch
    let policy: EvaluationPolicy
    private let observer: (any CacheObserver)?
    private let logger: Logger
    private var entries: LeastRecentlyUsed<Key, Entry>
    private var indexes: [String: Index] = [:]
    private var organizationList: RevisionRead<[Organization]>?
    private var loads: [String: Task<[Entry], any Error>] = [:]
    private var revalidating: Set<Key> = []

    init(
        store: RecordStore, watch: RevisionWatch, policy: EvaluationPolicy, budget: Int,
        observer: (any CacheObserver)?, logger: Logger
    ) {
        self.store = store
        self.watch = watch
        self.policy = policy
        self.observer = observer
        self.logger = logger
        entries = LeastRecentlyUsed(budget: budget)
    }

    /// The bytes the cached partnerships are estimated to take.
    var cost: Int { entries.cost }
    var count: Int { entries.count }

    /// Every government, by name.
    func organizations() async throws -> [Organization] {
        if let list = organizationList, !watch.deploymentChanged(after: list.revision) { return list.value }
        let read = try await store.organizationsRead()
        if organizationList.map({ $0.revision <= read.revision }) ?? true { organizationList = read }
        return read.value
    }

    /// A government and its list of partnerships, or nil when there is no such government.
    func index(_ organizationID: String) async throws -> OrganizationIndex? {
        if let index = indexes[organizationID], !watch.organizationChanged(organizationID, after: index.revision) {
            return index.value
        }
        guard let read = try await store.organizationIndex(organizationID) else {
            indexes[organizationID] = nil
            return nil
        }
        if indexes[organizationID].map({ $0.revision <= read.revision }) ?? true {
            indexes[organizationID] = Index(value: read.value, revision: read.revision)
        }
        return read.value
    }

    /// The government's partnerships (all, or those named) in its order, evaluated as of `today`;
    /// nil when there is no such government.
    func assemble(_ organizationID: String, only wanted: Set<String>? = nil, today: CalendarDay) async throws
        -> Assembled?
    {
        guard let index = try await index(organizationID) else { return nil }
        let profile = Profile(organization: index.organization, partnershipCount: index.partnerships.count)
        let ids = index.partnerships.map(\.id).filter { wanted?.contains($0) ?? true }
        var found: [String: Entry] = [:]
        var missing: [String] = []
        for id in ids {
            let key = Key(organizationID: organizationID, partnershipID: id)
            if let entry = entries.value(key),
                !watch.partnershipChanged(organizationID: organizationID, partnershipID: id, after: entry.revision)
            {
                found[id] = entry
            } else {
                missing.append(id)
            }
        }
        if !missing.isEmpty {
            let started = ContinuousClock.now
            let loaded = try await load(organizationID, missing, profile: profile, today: today)
            for entry in loaded {
                found[entry.partnership.id] = entry
                keep(entry)
            }
            logger.debug(
                "read and evaluated partnerships",
                metadata: [
                    "organization": "\(organizationID)", "partnerships": "\(loaded.count)",
                    "duration": "\(ContinuousClock.now - started)", "cached": "\(entries.count)",
                    "cachedBytes": "\(entries.cost)", "budgetBytes": "\(entries.budget)",
                ])
        }
        var stale: [Entry] = []
        var outdated: [Entry] = []
        for id in ids {
            guard let entry = found[id] else { continue }
            if entry.profile != profile {
                outdated.append(entry)
            } else if entry.day != today {
                stale.append(entry)
            }
        }
        if !outdated.isEmpty {
            // The government changed (its details, or how many partnerships it keeps): its
            // partnerships are evaluated again, off this actor so that other pages go on.
            for entry in await Self.evaluatedAside(outdated, profile: profile, today: today, policy, observer) {
                found[entry.partnership.id] = entry
                keep(entry)
            }
        }
        if !stale.isEmpty { revalidate(stale, organizationID: organizationID, today: today) }
        // A partnership removed since the list was read is not shown.
        return Assembled(index: index, entries: ids.compactMap { found[$0] }, fresh: stale.isEmpty)
    }

    /// Keeps a partnership as a write of this process saved it, at the revision that write raised,
    /// so that the next change or page starts from it instead of reading it again. Nothing is kept
    /// when the government's list is not at hand.
    func remember(_ saved: StoredPartnership, revision: Int, today: CalendarDay) async throws {
        let organizationID = saved.organization.id
        guard let index = try await index(organizationID),
            index.partnerships.contains(where: { $0.id == saved.partnership.id })
        else { return }
        let profile = Profile(organization: index.organization, partnershipCount: index.partnerships.count)
        var partnership = saved.partnership
        for position in partnership.documents.indices { partnership.documents[position].text = nil }
        let policy = self.policy
        let observer = self.observer
        let evaluation = await Task.detached { [partnership] in
            Self.evaluate(partnership, profile: profile, today: today, policy: policy, observer: observer)
        }.value
        keep(
            Entry(
                partnership: partnership, partnerID: saved.partnerID, revision: revision, evaluation: evaluation,
                day: today, profile: profile))
    }

    /// The cached copy of a partnership with the revision it was read at, when it is still current.
    func known(_ organizationID: String, _ partnershipID: String) -> (entry: Entry, revision: Int)? {
        guard let entry = entries.peek(Key(organizationID: organizationID, partnershipID: partnershipID)),
            !watch.partnershipChanged(
                organizationID: organizationID, partnershipID: partnershipID, after: entry.revision)
        else { return nil }
        return (entry, entry.revision)
    }

    // MARK: - Reading and evaluating

    /// Reads the partnerships named (with their whole government when many are missing) and
    /// evaluates them; one read per government or partnership at a time, shared by all who ask.
    private func load(_ organizationID: String, _ ids: [String], profile: Profile, today: CalendarDay) async throws
        -> [Entry]
    {
        var loaded: [Entry] = []
        var remaining = Set(ids)
        if ids.count > Self.wholeGovernmentThreshold {
            loaded = try await shared(organizationID, only: nil, wanted: remaining, profile: profile, today: today)
            remaining.subtract(loaded.map(\.partnership.id))
        }
        // Read one at a time, or those a read shared with another request did not hold.
        for id in ids where remaining.contains(id) {
            loaded += try await shared(
                "\(organizationID)/\(id)", only: id, wanted: [id], profile: profile, today: today
            )
            .filter { $0.partnership.id == id }
        }
        return loaded
    }

    /// The read named `name`: the one under way when there is one, else a new one.
    private func shared(_ name: String, only: String?, wanted: Set<String>, profile: Profile, today: CalendarDay)
        async throws -> [Entry]
    {
        let organizationID = profile.organization.id
        let task: Task<[Entry], any Error>
        if let running = loads[name] {
            task = running
        } else {
            let store = self.store
            let policy = self.policy
            let observer = self.observer
            task = Task.detached {
                let read = try await store.partnershipsForCache(organizationID: organizationID, only: only)
                var entries: [Entry] = []
                for stored in read.value where wanted.contains(stored.partnership.id) {
                    entries.append(
                        Entry(
                            partnership: stored.partnership, partnerID: stored.partnerID, revision: read.revision,
                            evaluation: Self.evaluate(
                                stored.partnership, profile: profile, today: today, policy: policy, observer: observer),
                            day: today, profile: profile))
                    // A government's hundred evaluations take a core for a fifth of a second: the
                    // requests waiting for the same core go between them.
                    await Task.yield()
                }
                return entries
            }
            loads[name] = task
        }
        defer { if loads[name] == task { loads[name] = nil } }
        return try await task.value.filter { wanted.contains($0.partnership.id) }
    }

    /// Evaluates yesterday's partnerships for `today` beside the requests that served them.
    private func revalidate(_ stale: [Entry], organizationID: String, today: CalendarDay) {
        let due = stale.filter {
            revalidating.insert(Key(organizationID: organizationID, partnershipID: $0.partnership.id)).inserted
        }
        guard !due.isEmpty else { return }
        let policy = self.policy
        let observer = self.observer
        Task {
            let fresh = await Self.evaluatedAside(due, profile: nil, today: today, policy, observer)
            self.finishRevalidating(fresh, organizationID: organizationID)
        }
    }

    /// `entries` evaluated as of `today` (under `profile`, or each its own), on a task of their
    /// own that gives way between partnerships: a government's hundred evaluations take a core for
    /// a fifth of a second, and the requests waiting for it go between them.
    private static func evaluatedAside(
        _ entries: [Entry], profile: Profile?, today: CalendarDay, _ policy: EvaluationPolicy,
        _ observer: (any CacheObserver)?
    ) async -> [Entry] {
        await Task.detached {
            var evaluated: [Entry] = []
            for entry in entries {
                evaluated.append(
                    Self.evaluated(
                        entry, profile: profile ?? entry.profile, today: today, policy: policy, observer: observer))
                await Task.yield()
            }
            return evaluated
        }.value
    }

    private func finishRevalidating(_ fresh: [Entry], organizationID: String) {
        for entry in fresh {
            let key = Key(organizationID: organizationID, partnershipID: entry.partnership.id)
            revalidating.remove(key)
            // Kept unless the partnership was read anew meanwhile.
            if let current = entries.peek(key), current.revision > entry.revision { continue }
            keep(entry)
        }
    }

    private func keep(_ entry: Entry) {
        let key = Key(organizationID: entry.profile.organization.id, partnershipID: entry.partnership.id)
        if let current = entries.peek(key), current.revision > entry.revision { return }
        entries.insert(entry, for: key, cost: Footprint.of(entry.partnership, entry.evaluation))
    }

    private static func evaluated(
        _ entry: Entry, profile: Profile, today: CalendarDay, policy: EvaluationPolicy,
        observer: (any CacheObserver)?
    ) -> Entry {
        var entry = entry
        entry.evaluation = evaluate(
            entry.partnership, profile: profile, today: today, policy: policy, observer: observer)
        entry.day = today
        entry.profile = profile
        return entry
    }

    private static func evaluate(
        _ partnership: Partnership, profile: Profile, today: CalendarDay, policy: EvaluationPolicy,
        observer: (any CacheObserver)?
    ) -> PartnershipEvaluation {
        observer?.evaluated(organizationID: profile.organization.id, partnershipID: partnership.id)
        return Evaluator.evaluate(
            partnership, organization: profile.organization, partnershipCount: profile.partnershipCount, asOf: today,
            policy: policy)
    }
}
