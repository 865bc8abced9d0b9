import KembarCore
import SQLKit

/// A partnership as stored: the record, its partner's row id, and its government.
public struct StoredPartnership: Sendable {
    public let organization: Organization
    public let partnership: Partnership
    public let partnerID: String
    /// False for a copy whose documents come without their text (a cache's).
    public let documentText: Bool

    public init(organization: Organization, partnership: Partnership, partnerID: String, documentText: Bool = true) {
        self.organization = organization
        self.partnership = partnership
        self.partnerID = partnerID
        self.documentText = documentText
    }
}

/// What a change was, for the audit log.
public struct Change: Sendable {
    public var actor: String
    /// `create`, `update` or `delete`.
    public var action: String
    /// `partnership`, `activity`, `agreement`, … — what was changed.
    public var entity: String
    public var entityID: String
    /// The partnership changed (nil for a change to a partner shared by several).
    public var partnershipID: String?
    public var summary: String
    /// The changed record before and after, as `kembar/1` JSON (nil for none).
    public var before: String?
    public var after: String?

    public init(
        actor: String, action: String, entity: String, entityID: String, partnershipID: String? = nil,
        summary: String, before: String? = nil, after: String? = nil
    ) {
        self.actor = actor
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.partnershipID = partnershipID
        self.summary = summary
        self.before = before
        self.after = after
    }
}

/// Who the partner of a partnership being saved is.
public enum PartnerChoice: Sendable {
    /// An existing partner row of the organization.
    case existing(String)
    /// A new partner, given a row of its own.
    case new(Partner)
}

extension RecordStore {
    /// One partnership with its organization, or nil when either is unknown.
    public func partnership(organizationID: String, id: String) async throws -> StoredPartnership? {
        try await database.read { sql in try await Self.partnership(organizationID: organizationID, id: id, sql) }
    }

    static func partnership(organizationID: String, id: String, _ sql: any SQLDatabase) async throws
        -> StoredPartnership?
    {
        guard
            let result = try await RecordReader(sql: sql, organizationID: organizationID, partnershipID: id)
                .readWithPartners(),
            let partnership = result.record.partnerships.first, let partnerID = result.partnerIDs[id]
        else { return nil }
        return StoredPartnership(
            organization: result.record.organization, partnership: partnership, partnerID: partnerID)
    }

    /// The partnership a change inside a write transaction starts from; it must exist.
    static func existingPartnership(organizationID: String, id: String, _ sql: any SQLDatabase) async throws
        -> StoredPartnership
    {
        guard let stored = try await partnershipForChange(organizationID: organizationID, id: id, sql) else {
            throw StoreError.partnershipNotFound(id)
        }
        return stored
    }

    /// The partnership a change inside a write transaction starts from, held until the
    /// transaction ends, so that two changes to it at once (two uploads, an upload and an API
    /// call) cannot each rewrite it from the same reading and lose the other's. SQLite runs one
    /// writer at a time already. On PostgreSQL a row lock would not do: saving deletes the
    /// partnership's row and writes it anew, and a writer waiting on the old row would wake to
    /// find it gone and go ahead; a transaction-scoped advisory lock on the partnership's name
    /// holds whatever happens to its rows.
    static func partnershipForChange(organizationID: String, id: String, _ sql: any SQLDatabase) async throws
        -> StoredPartnership?
    {
        try await lockPartnership(organizationID: organizationID, id: id, sql)
        return try await partnership(organizationID: organizationID, id: id, sql)
    }

    /// Holds the partnership until the transaction ends (``partnershipForChange``).
    static func lockPartnership(organizationID: String, id: String, _ sql: any SQLDatabase) async throws {
        if !sql.isSQLite {
            let key = "partnership \(organizationID)/\(id)"
            try await sql.raw("SELECT pg_advisory_xact_lock(hashtextextended(\(bind: key), 0))").run()
        }
    }

    /// The ids of an organization's partnerships, in their order.
    public func partnerships(organizationID: String) async throws -> [String] {
        try await database.read { sql in
            try await sql.select().column("id").from("partnerships").where(
                "organization_id", .equal, SQLBind(organizationID)
            )
            .orderBy("ordinal").all().map { try $0.text("id") }
        }
    }

    /// Every organization, by name.
    public func organizations() async throws -> [Organization] {
        try await database.read { sql in
            try await sql.select().column("*").from("organizations").orderBy("name").all().map { try $0.organization() }
        }
    }

    /// The partners of an organization, by name, with the partnerships each is in.
    public func partners(organizationID: String) async throws -> [(
        id: String, partner: Partner, partnerships: [String]
    )] {
        try await database.read { sql in
            let uses = try await sql.select().columns("id", "partner_id").from("partnerships")
                .where("organization_id", .equal, SQLBind(organizationID)).orderBy("ordinal").all()
                .map { (try $0.text("partner_id"), try $0.text("id")) }
            let byPartner = Dictionary(grouping: uses, by: { $0.0 }).mapValues { $0.map { $0.1 } }
            return try await sql.select().column("*").from("partners")
                .where("organization_id", .equal, SQLBind(organizationID)).orderBy("name").all().map { row in
                    let id = try row.text("id")
                    return (
                        id, try row.partner(),
                        byPartner[id] ?? []
                    )
                }
        }
    }

    /// Writes `partnership` in one transaction: replacing the one stored as `originalID` (which
    /// may have had another id), or as a new partnership at the end of the list.
    public func savePartnership(
        _ partnership: Partnership, organizationID: String, replacing originalID: String?, partner: PartnerChoice?,
        change: Change
    ) async throws {
        _ = try await database.write { sql in
            try await Self.savePartnership(
                partnership, organizationID: organizationID, replacing: originalID, partner: partner, change: change,
                sql)
        }
    }

    /// ``savePartnership(_:organizationID:replacing:partner:change:)`` inside the caller's transaction.
    /// The partnership is checked as an import checks it, on its typed values, before anything is
    /// written. When it keeps its id and partner, only the records that differ from `previous`
    /// (the partnership as stored now, read when not given) are written.
    /// Returns the data revision the save raised.
    @discardableResult
    static func savePartnership(
        _ partnership: Partnership, organizationID: String, replacing originalID: String?, partner: PartnerChoice?,
        change: Change, previous: StoredPartnership? = nil, _ sql: any SQLDatabase
    ) async throws -> Int {
        let issues = RecordValidator.issues(of: partnership)
        guard issues.isEmpty else { throw StoreError.invalidRecord(issues) }
        let timestamp = Timestamp.now()
        if let originalID, originalID == partnership.id {
            let stored: StoredPartnership
            if let previous {
                stored = previous
            } else {
                guard let read = try await Self.partnership(organizationID: organizationID, id: originalID, sql)
                else { throw StoreError.partnershipNotFound(originalID) }
                stored = read
            }
            let keepsPartner: Bool =
                switch partner {
                case .existing(let id): id == stored.partnerID
                case .new: false
                case nil: true
                }
            if keepsPartner, stored.partnership.partner == partnership.partner {
                try await PartnershipChanges(
                    sql: sql, organizationID: organizationID, old: stored.partnership, new: partnership,
                    timestamp: timestamp
                ).write()
                return try await Self.audit(
                    change, organizationID: organizationID, timestamp: timestamp,
                    scopes: [.partnership(organizationID: organizationID, partnershipID: partnership.id)], sql)
            }
        }
        var whole = partnership
        if let originalID, previous?.documentText == false {
            // Made from a copy without documents' text: the text stays as stored.
            try await Self.restoreDocumentText(&whole, organizationID: organizationID, storedAs: originalID, sql)
        }
        try await rewritePartnership(
            whole, organizationID: organizationID, replacing: originalID, partner: partner, timestamp: timestamp,
            sql)
        return try await Self.audit(
            change, organizationID: organizationID, timestamp: timestamp,
            scopes: [
                .organization(organizationID),
                .partnership(organizationID: organizationID, partnershipID: partnership.id),
            ], sql)
    }

    /// A new partnership, or one renamed or given another partner: its rows written whole.
    /// The partner the partnership is to have: one of the government's, or a new one made now.
    private static func chosenPartner(
        _ partner: PartnerChoice, organizationID: String, _ sql: any SQLDatabase
    ) async throws -> String {
        switch partner {
        case .existing(let id):
            guard
                try await sql.select().column("id").from("partners")
                    .where("organization_id", .equal, SQLBind(organizationID)).where("id", .equal, SQLBind(id))
                    .first() != nil
            else { throw StoreError.partnerNotFound(id) }
            return id
        case .new(let newPartner):
            let taken = Set(
                try await sql.select().column("id").from("partners")
                    .where("organization_id", .equal, SQLBind(organizationID)).all().map { try $0.text("id") })
            let id = PartnerIdentity.freshID(for: newPartner, avoiding: taken)
            try await RecordWriter.insertPartners([(id, newPartner)], organizationID: organizationID, to: sql)
            return id
        }
    }

    private static func rewritePartnership(
        _ partnership: Partnership, organizationID: String, replacing originalID: String?, partner: PartnerChoice?,
        timestamp: String, _ sql: any SQLDatabase
    ) async throws {
        var ordinal: Int
        var partnerID: String?
        if let originalID {
            guard
                let row = try await sql.select().columns("ordinal", "partner_id").from("partnerships")
                    .where("organization_id", .equal, SQLBind(organizationID))
                    .where("id", .equal, SQLBind(originalID)).first()
            else { throw StoreError.partnershipNotFound(originalID) }
            ordinal = try row.integer("ordinal")
            partnerID = try row.text("partner_id")
            try await sql.delete(from: "partnerships").where("organization_id", .equal, SQLBind(organizationID))
                .where("id", .equal, SQLBind(originalID)).run()
            try await SearchEntries.remove(organizationID: organizationID, partnershipID: originalID, from: sql)
        } else {
            ordinal =
                try await sql.raw(
                    "SELECT COALESCE(MAX(ordinal), -1) + 1 AS next FROM partnerships WHERE organization_id = \(bind: organizationID)"
                ).first()?.decode(column: "next", as: Int.self) ?? 0
        }
        if originalID != partnership.id,
            try await sql.select().column("id").from("partnerships")
                .where("organization_id", .equal, SQLBind(organizationID))
                .where("id", .equal, SQLBind(partnership.id)).first() != nil
        {
            throw StoreError.partnershipExists(partnership.id)
        }
        if let originalID, originalID != partnership.id {
            // What belongs to the partnership follows it to its new id: its partner city's
            // accounts, its proposals, the activities waiting for confirmation, and the files
            // and coded excerpts of its documents. (The audit log
            // keeps the ids as they were when each change was made.)
            for table in ["users", "proposals", "partner_submissions", "document_files", "excerpts"] {
                try await sql.update(table).set("partnership_id", to: SQLBind(partnership.id))
                    .where("organization_id", .equal, SQLBind(organizationID))
                    .where("partnership_id", .equal, SQLBind(originalID)).run()
            }
        }
        if let partner {
            partnerID = try await chosenPartner(partner, organizationID: organizationID, sql)
        }
        guard let partnerID else { throw StoreError.partnerNotFound("(none chosen)") }
        try await RecordWriter(
            sql: sql, organizationID: organizationID, partnerships: [partnership], partnerIDs: [partnerID],
            ordinals: [ordinal], timestamp: timestamp
        ).writePartnerships()
        try await DocumentSweep.sweep(organizationID: organizationID, partnershipID: partnership.id, in: sql)
    }

    /// Changes a partner's details; every partnership with this partner sees the change.
    /// `check` sees the partner as stored, held until the change is written, and may refuse the
    /// change by throwing (a form opened on details someone else has changed since).
    public func updatePartner(
        _ partner: Partner, id: String, organizationID: String, change: Change,
        check: @escaping @Sendable (Partner) throws -> Void = { _ in }
    ) async throws {
        try await database.write { sql in
            var query = sql.select().column("*").from("partners")
                .where("organization_id", .equal, SQLBind(organizationID)).where("id", .equal, SQLBind(id))
            // Two changes of one partner at once: the second waits, then sees the first's.
            if !sql.isSQLite { query = query.for(.update) }
            guard let row = try await query.first() else { throw StoreError.partnerNotFound(id) }
            try check(try row.partner())
            try await sql.update("partners")
                .set("name", to: SQLBind(partner.name))
                .set("native_name", to: SQLBind.orNull(partner.nativeName))
                .set("country", to: SQLBind(partner.country))
                .set("kind", to: SQLBind(partner.kind.rawValue))
                .set("lat", to: SQLBind.orNull(partner.coordinate?.latitude))
                .set(
                    "lon", to: SQLBind.orNull(partner.coordinate?.longitude)
                )
                .set("wikidata", to: SQLBind.orNull(partner.wikidata))
                .where("organization_id", .equal, SQLBind(organizationID)).where("id", .equal, SQLBind(id))
                .run()
            try await SearchEntries.renamePartner(partner, partnerID: id, organizationID: organizationID, in: sql)
            // The partner is named in the government's list of partnerships, and in each one it is in.
            try await Self.audit(
                change, organizationID: organizationID, timestamp: Timestamp.now(),
                scopes: [.organization(organizationID)], sql)
        }
    }

    /// Appends the change to the audit log and raises the data revision; returns the revision.
    @discardableResult
    static func audit(
        _ change: Change, organizationID: String, timestamp: String, scopes: [RevisionScope], _ sql: any SQLDatabase
    ) async throws -> Int {
        try await AuditLog.append(
            AuditEntry(
                recordedAt: timestamp, actor: change.actor, action: change.action, organizationID: organizationID,
                partnershipID: change.partnershipID, entity: change.entity, entityID: change.entityID,
                summary: change.summary, before: change.before, after: change.after),
            to: sql)
        return try await DataRevision.raise(sql, scopes)
    }

    /// Gives the documents of `partnership` that have no text the text stored for them.
    private static func restoreDocumentText(
        _ partnership: inout Partnership, organizationID: String, storedAs id: String, _ sql: any SQLDatabase
    ) async throws {
        let stored = try await sql.select().columns("id", "body").from("documents")
            .where("organization_id", .equal, SQLBind(organizationID)).where("partnership_id", .equal, SQLBind(id))
            .all()
        var texts: [String: String] = [:]
        for row in stored { texts[try row.text("id")] = try row.optionalText("body") }
        for index in partnership.documents.indices where partnership.documents[index].text == nil {
            partnership.documents[index].text = texts[partnership.documents[index].id]
        }
    }
}
