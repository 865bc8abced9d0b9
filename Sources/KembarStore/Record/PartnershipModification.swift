import KembarCore
import SQLKit

extension RecordStore {
    /// Reads a partnership, lets `change` make its new version, and writes it, in one
    /// transaction that holds the partnership throughout (``partnershipForChange``). Returns
    /// what `change` returned; nil when the partnership does not exist.
    public func modifyPartnership<Result: Sendable>(
        organizationID: String, id: String,
        _ change:
            @escaping @Sendable (StoredPartnership) throws -> (partnership: Partnership, change: Change, result: Result)
    ) async throws -> Result? {
        try await database.write { sql in
            guard let stored = try await Self.partnershipForChange(organizationID: organizationID, id: id, sql) else {
                return nil
            }
            let (partnership, change, result) = try change(stored)
            try await Self.savePartnership(
                partnership, organizationID: organizationID, replacing: id, partner: .existing(stored.partnerID),
                change: change, previous: stored, sql)
            return result
        }
    }
}
