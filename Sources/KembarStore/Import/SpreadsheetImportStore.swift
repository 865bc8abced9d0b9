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
            try await Self.create(
                changed.filter { $0.action == .create }, organizationID: organizationID, timestamp: timestamp, sql)
            let stored = Dictionary(uniqueKeysWithValues: importer.existing.map { ($0.id, $0) })
            for planned in changed where planned.action == .fill {
                guard let old = stored[planned.partnership.id] else { continue }
                try await RecordStore.lockPartnership(organizationID: organizationID, id: old.id, sql)
                try await PartnershipChanges(
                    sql: sql, organizationID: organizationID, old: old, new: planned.partnership, timestamp: timestamp
                ).write()
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

    /// The new partnerships, written together (a list of ten thousand is written in seconds, not
    /// one partnership at a time): new partners first, then the partnerships at the end of the list.
    private static func create(
        _ created: [PlannedPartnership], organizationID: String, timestamp: String, _ sql: any SQLDatabase
    ) async throws {
        guard !created.isEmpty else { return }
        var taken = Set(
            try await sql.select().column("id").from("partners")
                .where("organization_id", .equal, SQLBind(organizationID)).all()
                .map { try $0.decode(column: "id", as: String.self) })
        var newPartners: [(id: String, partner: Partner)] = []
        var newIDs: [Partner: String] = [:]
        var partnerIDs: [String] = []
        for planned in created {
            if let existing = planned.existingPartnerID {
                partnerIDs.append(existing)
                continue
            }
            let partner = planned.partnership.partner
            // One new partner with two partnerships (a sister city and an institution's) gets one row.
            let id = newIDs[partner] ?? PartnerIdentity.freshID(for: partner, avoiding: taken)
            if newIDs[partner] == nil {
                taken.insert(id)
                newIDs[partner] = id
                newPartners.append((id, partner))
            }
            partnerIDs.append(id)
        }
        try await RecordWriter.insertPartners(newPartners, organizationID: organizationID, to: sql)
        let first =
            try await sql.raw(
                "SELECT COALESCE(MAX(ordinal), -1) + 1 AS next FROM partnerships WHERE organization_id = \(bind: organizationID)"
            ).first()?.decode(column: "next", as: Int.self) ?? 0
        try await RecordWriter(
            sql: sql, organizationID: organizationID, partnerships: created.map(\.partnership), partnerIDs: partnerIDs,
            ordinals: Array(first..<(first + created.count)), timestamp: timestamp
        ).writePartnerships()
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
