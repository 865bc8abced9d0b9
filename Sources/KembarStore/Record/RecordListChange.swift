/// How one kind of a partnership's records changed between what is stored and what is saved:
/// which stored rows go and which rows come, at which ordinals, so that a save rewrites only the
/// records it changed.
struct RecordListChange<T: Equatable> {
    /// Stored records to delete, by id (or, for records without ids, by ordinal as text).
    var removed: [String] = []
    /// Records to insert, each with the ordinal that keeps the list's order.
    var inserted: [Owned<T>] = []
    /// Set when the order changed in a way ordinals cannot follow: every row of the kind is
    /// rewritten with fresh ordinals.
    var rewritesAll = false

    var isEmpty: Bool { removed.isEmpty && inserted.isEmpty && !rewritesAll }

    /// The ids of the stored records that go: all of them when the kind is rewritten.
    func goneIDs(of old: [T], id: (T) -> String) -> [String] {
        rewritesAll ? old.map(id) : removed
    }

    /// The records written: all of `new` when the kind is rewritten.
    func coming(in new: [T]) -> [T] {
        rewritesAll ? new : inserted.map(\.value)
    }

    /// Records kept by position (stages, assessments), whose ordinal is their position: a record
    /// that differs at a position is replaced there, the rest is removed or appended.
    static func positional(_ old: [T], _ new: [T], partnershipID: String) -> RecordListChange {
        var change = RecordListChange()
        for index in 0..<max(old.count, new.count) {
            let before = index < old.count ? old[index] : nil
            let after = index < new.count ? new[index] : nil
            guard before != after else { continue }
            if before != nil { change.removed.append(String(index)) }
            if let after { change.inserted.append(Owned(partnershipID: partnershipID, ordinal: index, value: after)) }
        }
        return change
    }

    /// Records with ids. When the new list keeps the stored order (records changed in place,
    /// renamed in place, removed, or added at the end), only those rows change; `ordinals` is
    /// asked for the stored (id, ordinal) pairs in order only when a record changed in place or
    /// one was removed, and `next` for the ordinal after the last stored one only when records
    /// were added.
    static func identified(
        _ old: [T], _ new: [T], id: (T) -> String, partnershipID: String,
        ordinals: () async throws -> [(id: String, ordinal: Int)], next: () async throws -> Int
    ) async throws -> RecordListChange {
        var change = RecordListChange()
        let oldIDs = old.map(id)
        let newIDs = new.map(id)
        // Added at the end only: no ordinals to read but the last.
        if newIDs.count >= oldIDs.count, Array(newIDs.prefix(oldIDs.count)) == oldIDs,
            zip(old, new).allSatisfy({ $0 == $1 })
        {
            let appended = new.dropFirst(old.count)
            guard !appended.isEmpty else { return change }
            var ordinal = try await next()
            for record in appended {
                change.inserted.append(Owned(partnershipID: partnershipID, ordinal: ordinal, value: record))
                ordinal += 1
            }
            return change
        }
        let stored = try await ordinals()
        guard stored.map(\.id) == oldIDs else {
            change.rewritesAll = true
            return change
        }
        let oldSet = Set(oldIDs)
        let newSet = Set(newIDs)
        var i = 0
        var j = 0
        var nextOrdinal = (stored.map(\.ordinal).max() ?? -1) + 1
        while i < old.count || j < new.count {
            if i < old.count, j < new.count,
                oldIDs[i] == newIDs[j] || (!newSet.contains(oldIDs[i]) && !oldSet.contains(newIDs[j]))
            {
                // The same record, or one renamed in its place.
                if old[i] != new[j] {
                    change.removed.append(oldIDs[i])
                    change.inserted.append(
                        Owned(partnershipID: partnershipID, ordinal: stored[i].ordinal, value: new[j]))
                }
                i += 1
                j += 1
            } else if i < old.count, !newSet.contains(oldIDs[i]) {
                change.removed.append(oldIDs[i])
                i += 1
            } else if j < new.count, !oldSet.contains(newIDs[j]), i == old.count {
                change.inserted.append(Owned(partnershipID: partnershipID, ordinal: nextOrdinal, value: new[j]))
                nextOrdinal += 1
                j += 1
            } else {
                // Moved, or inserted between stored records: ordinals cannot follow.
                return RecordListChange(rewritesAll: true)
            }
        }
        return change
    }
}
