import KembarCore
import SQLKit

/// Brings a government's own spreadsheet into its record. The plan is worked out again inside the
/// writing transaction, against the record as it is then, so that what is written is exactly what
/// a preview made now would show, even if someone edited the record since the person's preview.
public struct SpreadsheetImportStore: Sendable {
    public let database: any KembarDatabase

    public init(database: any KembarDatabase) {
        self.database = database
    }

    /// What importing `spreadsheet` would do; nothing is written.
    public func preview(
        _ spreadsheet: Spreadsheet, choices: [String: [Int: ImportField]] = [:], organizationID: String,
        fileName: String
    ) async throws -> ImportPlan {
        try await database.read { sql in
            try await Self.importer(organizationID: organizationID, fileName: fileName, sql).plan(
                spreadsheet, choices: choices)
        }
    }

    /// Writes the plan in one transaction with one audit entry, or nothing when the plan has an
    /// error. Returns the plan and whether it was written.
    public func write(
        _ spreadsheet: Spreadsheet, choices: [String: [Int: ImportField]] = [:], organizationID: String,
        fileName: String, actor: String
    ) async throws -> (plan: ImportPlan, written: Bool) {
        try await database.write { sql in
            let importer = try await Self.importer(organizationID: organizationID, fileName: fileName, sql)
            let plan = importer.plan(spreadsheet, choices: choices)
            let changed = plan.changed
            guard !plan.hasErrors, !changed.isEmpty else { return (plan, false) }
            for planned in changed {
                let issues = RecordValidator.issues(of: planned.partnership)
                guard issues.isEmpty else { throw StoreError.invalidRecord(issues) }
            }
            let timestamp = Timestamp.now()
            let stored = Dictionary(uniqueKeysWithValues: importer.existing.map { ($0.id, $0) })
            for planned in changed {
                if planned.action == .create {
                    let partner: PartnerChoice =
                        planned.existingPartnerID.map { .existing($0) } ?? .new(planned.partnership.partner)
                    try await RecordStore.rewritePartnership(
                        planned.partnership, organizationID: organizationID, replacing: nil, partner: partner,
                        timestamp: timestamp, sql)
                } else if let old = stored[planned.partnership.id] {
                    try await RecordStore.lockPartnership(organizationID: organizationID, id: old.id, sql)
                    try await PartnershipChanges(
                        sql: sql, organizationID: organizationID, old: old, new: planned.partnership,
                        timestamp: timestamp
                    ).write()
                }
            }
            try await AuditLog.append(
                AuditEntry(
                    recordedAt: timestamp, actor: actor, action: "import", organizationID: organizationID,
                    entity: "organization", entityID: organizationID,
                    summary:
                        "imported \(fileName): \(plan.created) partnerships created, \(plan.filled) filled in"),
                to: sql)
            try await DataRevision.raise(
                sql,
                [.organization(organizationID)]
                    + changed.map { .partnership(organizationID: organizationID, partnershipID: $0.partnership.id) })
            return (plan, true)
        }
    }

    private static func importer(organizationID: String, fileName: String, _ sql: any SQLDatabase) async throws
        -> SpreadsheetImport
    {
        guard let record = try await RecordReader(sql: sql, organizationID: organizationID).read() else {
            throw StoreError.organizationNotFound(organizationID)
        }
        let partners = try await sql.select().column("*").from("partners")
            .where("organization_id", .equal, SQLBind(organizationID)).orderBy("id").all()
            .map { (id: try $0.text("id"), partner: try $0.partner()) }
        return SpreadsheetImport(
            organization: record.organization, existing: record.partnerships, partners: partners, fileName: fileName)
    }
}
