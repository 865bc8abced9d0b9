import KembarCore
import SQLKit

/// A copy of a partnership someone already holds (a cache), with the data revision it was read
/// at: a change may start from it instead of reading the partnership again, when nothing has
/// changed the partnership since.
public struct KnownPartnership: Sendable {
    public let stored: StoredPartnership
    public let revision: Int

    public init(stored: StoredPartnership, revision: Int) {
        self.stored = stored
        self.revision = revision
    }
}

/// What a change of a partnership returned, the partnership as saved, and the data revision the
/// save raised.
public struct PartnershipModification<Result: Sendable>: Sendable {
    public let result: Result
    public let saved: StoredPartnership
    public let revision: Int
}

extension RecordStore {
    /// Reads a partnership, lets `change` make its new version, and writes it, in one
    /// transaction that holds the partnership throughout (``partnershipForChange``). The
    /// partnership is not read when `known` is still what is stored. Returns what `change`
    /// returned with what was saved; nil when the partnership does not exist.
    public func modifyPartnership<Result: Sendable>(
        organizationID: String, id: String, known: KnownPartnership? = nil,
        _ change:
            @escaping @Sendable (StoredPartnership) throws -> (partnership: Partnership, change: Change, result: Result)
    ) async throws -> PartnershipModification<Result>? {
        try await database.write { sql in
            let stored: StoredPartnership
            if let known, known.stored.organization.id == organizationID, known.stored.partnership.id == id {
                try await Self.lockPartnership(organizationID: organizationID, id: id, sql)
                let changed = try await DataRevision.partnershipRevision(
                    organizationID: organizationID, partnershipID: id, sql)
                if changed <= known.revision {
                    stored = known.stored
                } else {
                    guard let read = try await Self.partnership(organizationID: organizationID, id: id, sql) else {
                        return nil
                    }
                    stored = read
                }
            } else {
                guard let read = try await Self.partnershipForChange(organizationID: organizationID, id: id, sql)
                else { return nil }
                stored = read
            }
            let (partnership, change, result) = try change(stored)
            let revision = try await Self.savePartnership(
                partnership, organizationID: organizationID, replacing: id, partner: .existing(stored.partnerID),
                change: change, previous: stored, sql)
            return PartnershipModification(
                result: result,
                saved: StoredPartnership(
                    organization: stored.organization, partnership: partnership, partnerID: stored.partnerID,
                    documentText: stored.documentText),
                revision: revision)
        }
    }
}
