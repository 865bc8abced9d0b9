import KembarCore
import SQLKit

/// A value read from the database with the data revision it was read at, in one snapshot: a
/// cache keeps it until a write after that revision changes what it was read from.
public struct RevisionRead<Value: Sendable>: Sendable {
    public let revision: Int
    public let value: Value
}

/// A government and its partnerships in order, each with its partner, without their records:
/// enough to list them and to find each one.
public struct OrganizationIndex: Sendable {
    public struct Entry: Sendable, Hashable {
        public let id: String
        public let kind: Partnership.Kind
        public let partnerID: String
        public let partnerName: String
        public let partnerCountry: String
    }

    public let organization: Organization
    public let partnerships: [Entry]
}

extension RecordStore {
    /// Every government, by name.
    public func organizationsRead() async throws -> RevisionRead<[Organization]> {
        try await database.read { sql in
            let revision = try await DataRevision.current(sql)
            let organizations = try await sql.select().column("*").from("organizations").orderBy("name").all()
                .map { try $0.organization() }
            return RevisionRead(revision: revision, value: organizations)
        }
    }

    /// A government with the ids of its partnerships, or nil when it does not exist.
    public func organizationIndex(_ organizationID: String) async throws -> RevisionRead<OrganizationIndex>? {
        try await database.read { sql in
            let revision = try await DataRevision.current(sql)
            guard
                let row = try await sql.select().column("*").from("organizations")
                    .where("id", .equal, SQLBind(organizationID)).first()
            else { return nil }
            let partnerships = try await sql.raw(
                """
                SELECT p.id, p.kind, p.partner_id, pr.name, pr.country FROM partnerships p
                JOIN partners pr ON pr.organization_id = p.organization_id AND pr.id = p.partner_id
                WHERE p.organization_id = \(bind: organizationID) ORDER BY p.ordinal
                """
            ).all().map { row in
                OrganizationIndex.Entry(
                    id: try row.text("id"), kind: try row.value("kind", table: "partnerships"),
                    partnerID: try row.text("partner_id"), partnerName: try row.text("name"),
                    partnerCountry: try row.text("country"))
            }
            return RevisionRead(
                revision: revision,
                value: OrganizationIndex(organization: try row.organization(), partnerships: partnerships))
        }
    }

    /// A government's partnerships (all of them, or the one named) with their partner rows, as
    /// caches keep them: without the text of documents.
    public func partnershipsForCache(organizationID: String, only partnershipID: String? = nil) async throws
        -> RevisionRead<[(partnership: Partnership, partnerID: String)]>
    {
        try await database.read { sql in
            let revision = try await DataRevision.current(sql)
            var reader = RecordReader(sql: sql, organizationID: organizationID, partnershipID: partnershipID)
            reader.documentText = false
            guard let result = try await reader.readWithPartners() else {
                return RevisionRead(revision: revision, value: [])
            }
            return RevisionRead(
                revision: revision,
                value: result.record.partnerships.compactMap { partnership in
                    result.partnerIDs[partnership.id].map { (partnership, $0) }
                })
        }
    }
}
