import KembarCore
import SQLKit

/// Puts whole cooperation records into the database and takes them out again.
public struct RecordStore: Sendable {
    public let database: any KembarDatabase

    public init(database: any KembarDatabase) {
        self.database = database
    }

    /// What an import did, for the person who ran it.
    public struct ImportSummary: Equatable, Sendable {
        public var organizationID: String
        public var partnerships: Int
        public var activities: Int
        public var replaced: Bool

        public init(organizationID: String, partnerships: Int, activities: Int, replaced: Bool) {
            self.organizationID = organizationID
            self.partnerships = partnerships
            self.activities = activities
            self.replaced = replaced
        }
    }

    /// Writes `record` in one transaction. An organization already in the database is an error
    /// unless `replacing` is set, in which case its old record is removed in the same transaction.
    @discardableResult
    public func importRecord(
        _ record: CooperationRecord, replacing: Bool = false, actor: String, source: String
    ) async throws -> ImportSummary {
        try await database.write { sql in
            let organizationID = record.organization.id
            let existing = try await sql.select().column("id").from("organizations")
                .where("id", .equal, SQLBind(organizationID)).first()
            var before: String?
            if existing != nil {
                guard replacing else { throw StoreError.organizationExists(organizationID) }
                before = try await counts(organizationID, sql)
                try await sql.delete(from: "organizations").where("id", .equal, SQLBind(organizationID)).run()
                try await SearchEntries.remove(organizationID: organizationID, from: sql)
            }
            try await OrganizationHierarchy.check(record.organization, sql)
            let timestamp = Timestamp.now()
            try await RecordWriter.write(record, to: sql, timestamp: timestamp)
            try await DocumentSweep.sweep(organizationID: organizationID, in: sql)
            try await DataRevision.raise(sql, [.deployment, .organization(organizationID)])
            let summary = ImportSummary(
                organizationID: organizationID, partnerships: record.partnerships.count,
                activities: record.partnerships.reduce(0) { $0 + $1.activities.count }, replaced: existing != nil)
            try await AuditLog.append(
                AuditEntry(
                    recordedAt: timestamp, actor: actor, action: existing == nil ? "import" : "replace",
                    organizationID: organizationID, entity: "organization", entityID: organizationID,
                    summary:
                        "\(existing == nil ? "imported" : "replaced with") \(summary.partnerships) partnerships and \(summary.activities) activities from \(source)",
                    before: before, after: try await counts(organizationID, sql)),
                to: sql)
            return summary
        }
    }

    /// The record of one organization; with no id, of the only organization in the database.
    public func exportRecord(organizationID: String? = nil) async throws -> CooperationRecord {
        let id = try await resolve(organizationID)
        return try await database.read { sql in
            guard let record = try await RecordReader(sql: sql, organizationID: id).read() else {
                throw StoreError.organizationNotFound(id)
            }
            return record
        }
    }

    /// The record of one organization with the id of each partnership's partner row.
    public func exportRecordWithPartners(organizationID: String) async throws -> (
        record: CooperationRecord, partnerIDs: [String: String]
    ) {
        try await database.read { sql in
            guard let result = try await RecordReader(sql: sql, organizationID: organizationID).readWithPartners()
            else {
                throw StoreError.organizationNotFound(organizationID)
            }
            return (result.record, result.partnerIDs)
        }
    }

    public func organizationIDs() async throws -> [String] {
        try await database.read { sql in
            try await sql.select().column("id").from("organizations").orderBy("id").all()
                .map { try $0.text("id") }
        }
    }

    public func isEmpty() async throws -> Bool {
        try await organizationIDs().isEmpty
    }

    private func resolve(_ organizationID: String?) async throws -> String {
        if let organizationID { return organizationID }
        let ids = try await organizationIDs()
        switch ids.count {
        case 0: throw StoreError.organizationNotFound("(none: the database is empty)")
        case 1: return ids[0]
        default: throw StoreError.ambiguousOrganization(ids)
        }
    }

    /// A small JSON summary of what an organization holds, for the audit log.
    private func counts(_ organizationID: String, _ sql: any SQLDatabase) async throws -> String {
        var parts: [String] = []
        for table in ["partnerships", "activities", "documents"] {
            let count =
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
                .where("organization_id", .equal, SQLBind(organizationID)).first()?.decode(column: "n", as: Int.self)
                ?? 0
            parts.append("\"\(table)\": \(count)")
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }
}
