import KembarCore
import SQLKit

extension RecordStore {
    /// Reads a partnership, lets `change` make its new version, and writes it, in one
    /// transaction that holds the partnership throughout: two writers adding to the same
    /// partnership at once (two API calls) cannot lose each other's additions. Returns what
    /// `change` returned; nil when the partnership does not exist.
    public func modifyPartnership<Result: Sendable>(
        organizationID: String, id: String,
        _ change:
            @escaping @Sendable (StoredPartnership) throws -> (partnership: Partnership, change: Change, result: Result)
    ) async throws -> Result? {
        try await database.write { sql in
            // SQLite runs one writer at a time already; PostgreSQL holds the row until commit.
            if !sql.isSQLite {
                try await sql.raw(
                    "SELECT id FROM partnerships WHERE organization_id = \(bind: organizationID) AND id = \(bind: id) FOR UPDATE"
                ).run()
            }
            guard let stored = try await Self.partnership(organizationID: organizationID, id: id, sql) else {
                return nil
            }
            let (partnership, change, result) = try change(stored)
            try await Self.savePartnership(
                partnership, organizationID: organizationID, replacing: id, partner: .existing(stored.partnerID),
                change: change, sql)
            return result
        }
    }
}
