import SQLKit

/// One line of the audit log.
public struct AuditEntry: Hashable, Sendable {
    public var recordedAt: String
    public var actor: String
    public var action: String
    public var organizationID: String?
    /// The partnership the change belongs to, so that its history can be read on its own.
    public var partnershipID: String?
    public var entity: String
    public var entityID: String?
    public var summary: String
    public var before: String?
    public var after: String?

    public init(
        recordedAt: String = Timestamp.now(), actor: String, action: String, organizationID: String?,
        partnershipID: String? = nil, entity: String, entityID: String?, summary: String, before: String? = nil,
        after: String? = nil
    ) {
        self.recordedAt = recordedAt
        self.actor = actor
        self.action = action
        self.organizationID = organizationID
        self.partnershipID = partnershipID
        self.entity = entity
        self.entityID = entityID
        self.summary = summary
        self.before = before
        self.after = after
    }
}

/// Appends to and reads the audit log. There is deliberately no update or delete.
public enum AuditLog {
    /// Appends inside the caller's transaction, so the entry exists exactly when the change does.
    static func append(_ entry: AuditEntry, to sql: any SQLDatabase) async throws {
        try await sql.insert(into: "audit_entries")
            .columns(
                "recorded_at", "actor", "action", "organization_id", "partnership_id", "entity", "entity_id", "summary",
                "before_state", "after_state"
            )
            .values(
                [
                    entry.recordedAt, entry.actor, entry.action, entry.organizationID, entry.partnershipID,
                    entry.entity, entry.entityID,
                    entry.summary, entry.before, entry.after,
                ].map(SQLBind.orNull)
            )
            .run()
    }

    /// The newest entries first; of one partnership when `partnershipID` is given, of one kind of
    /// change (`create`, `update`…) when `action` is.
    public static func entries(
        in database: any KembarDatabase, organizationID: String, partnershipID: String? = nil, action: String? = nil,
        limit: Int = 100, offset: Int = 0
    ) async throws -> [AuditEntry] {
        try await database.read { sql in
            var query = sql.select().column("*").from("audit_entries")
                .where("organization_id", .equal, SQLBind(organizationID))
            if let partnershipID { query = query.where("partnership_id", .equal, SQLBind(partnershipID)) }
            if let action { query = query.where("action", .equal, SQLBind(action)) }
            return try await query.orderBy("id", .descending).limit(limit).offset(offset).all()
                .map { row in
                    AuditEntry(
                        recordedAt: try row.text("recorded_at"), actor: try row.text("actor"),
                        action: try row.text("action"), organizationID: try row.optionalText("organization_id"),
                        partnershipID: try row.optionalText("partnership_id"), entity: try row.text("entity"),
                        entityID: try row.optionalText("entity_id"), summary: try row.text("summary"),
                        before: try row.optionalText("before_state"), after: try row.optionalText("after_state"))
                }
        }
    }
}
