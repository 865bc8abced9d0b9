import KembarCore
import SQLKit

/// What the search finds in a partnership: the partnership itself (its partner, agreements and
/// promises), each activity (with its results and benefits), each document (with its text).
/// Written with the partnership, in the same transaction, and removed with it.
enum SearchEntries {
    /// Writes the partnerships' entries and, on SQLite, adds their words to the vocabulary
    /// (unless `learning` is false: the migration that creates the index runs before the one that
    /// creates the vocabulary, which then learns the whole index at once).
    static func add(
        _ partnerships: [Partnership], organizationID: String, to sql: any SQLDatabase, learning: Bool = true
    ) async throws {
        try await write(
            partnerships.flatMap { partnership in entries(of: partnership).map { (partnership.id, $0) } },
            organizationID: organizationID, to: sql, learning: learning)
    }

    /// Writes entries of an organization's partnerships, learning their words on SQLite.
    static func write(
        _ entries: [(partnershipID: String, entry: Entry)], organizationID: String, to sql: any SQLDatabase,
        learning: Bool = true
    ) async throws {
        guard !entries.isEmpty else { return }
        let learns = learning && sql.isSQLite
        let before =
            learns
            ? try await sql.raw("SELECT COALESCE(MAX(id), 0) AS n FROM search_entries").first()?.decode(
                column: "n", as: Int.self) ?? 0 : 0
        var batch = BatchInsert(
            "search_entries", columns: ["organization_id", "partnership_id", "kind", "record_id", "title", "body"])
        for (partnershipID, entry) in entries {
            try await batch.append(
                [organizationID, partnershipID, entry.kind.rawValue, entry.recordID, entry.title, entry.body],
                flushingTo: sql)
        }
        try await batch.flush(to: sql)
        if learns { try await SearchVocabulary.learn(fromEntriesAfter: before, in: sql) }
    }

    /// Indexes every partnership already stored (when the index is first created).
    @Sendable static func addEverything(_ sql: any SQLDatabase) async throws {
        let organizations = try await sql.select().column("id").from("organizations").all().map { try $0.text("id") }
        for organizationID in organizations {
            guard let record = try await RecordReader(sql: sql, organizationID: organizationID).read() else { continue }
            try await add(record.partnerships, organizationID: organizationID, to: sql, learning: false)
        }
    }

    static func remove(organizationID: String, partnershipID: String? = nil, from sql: any SQLDatabase) async throws {
        var delete = sql.delete(from: "search_entries").where("organization_id", .equal, SQLBind(organizationID))
        if let partnershipID { delete = delete.where("partnership_id", .equal, SQLBind(partnershipID)) }
        try await delete.run()
    }

    /// Removes the entries of some records of one kind of a partnership.
    static func remove(
        _ kind: SearchHit.Kind, recordIDs: [String], organizationID: String, partnershipID: String,
        from sql: any SQLDatabase
    ) async throws {
        guard !recordIDs.isEmpty else { return }
        try await sql.delete(from: "search_entries").where("organization_id", .equal, SQLBind(organizationID))
            .where("partnership_id", .equal, SQLBind(partnershipID)).where("kind", .equal, SQLBind(kind.rawValue))
            .where(SQLColumn("record_id"), .in, SQLGroupExpression(recordIDs.map { SQLBind($0) })).run()
    }

    /// The partnerships' entries take their partner's new name.
    static func renamePartner(
        _ partner: Partner, partnerID: String, organizationID: String, in sql: any SQLDatabase
    ) async throws {
        try await sql.raw(
            """
            UPDATE search_entries SET title = \(bind: title(of: partner))
            WHERE organization_id = \(bind: organizationID) AND kind = 'partnership' AND partnership_id IN
            (SELECT id FROM partnerships WHERE organization_id = \(bind: organizationID) AND partner_id = \(bind: partnerID))
            """
        ).run()
        if sql.isSQLite { try await SearchVocabulary.learn(title(of: partner), in: sql) }
    }

    struct Entry: Equatable {
        let kind: SearchHit.Kind
        let recordID: String
        let title: String
        let body: String
    }

    private static func entries(of partnership: Partnership) -> [Entry] {
        [partnershipEntry(partnership)] + partnership.activities.map(activityEntry)
            + partnership.documents.map(documentEntry)
    }

    /// The partnership's own entry: its partner, agreements and promises.
    static func partnershipEntry(_ partnership: Partnership) -> Entry {
        var about: [String] = [partnership.partner.country]
        for agreement in partnership.agreements {
            about += agreement.areas + agreement.objectives + agreement.signatories.map(\.name)
        }
        about += partnership.obligations.map(\.title)
        about += partnership.stages.compactMap(\.note)
        return Entry(
            kind: .partnership, recordID: partnership.id, title: title(of: partnership.partner), body: joined(about))
    }

    static func activityEntry(_ activity: Activity) -> Entry {
        let body = activity.areas + activity.results.map(\.description) + activity.benefits.compactMap(\.description)
        return Entry(kind: .activity, recordID: activity.id, title: activity.title, body: joined(body))
    }

    static func documentEntry(_ document: Document) -> Entry {
        let body = [document.source, document.text].compactMap { $0 }
        return Entry(kind: .document, recordID: document.id, title: document.title, body: joined(body))
    }

    private static func title(of partner: Partner) -> String {
        [partner.name, partner.nativeName].compactMap { $0 }.joined(separator: " ")
    }

    private static func joined(_ parts: [String]) -> String {
        parts.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
