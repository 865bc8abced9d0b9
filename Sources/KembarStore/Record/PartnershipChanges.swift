import KembarCore
import SQLKit

/// Writes what changed in a stored partnership and nothing else: a new activity inserts that
/// activity's rows and its search entry; an edited agreement replaces that agreement's rows. The
/// partnership keeps its row, its id and its partner (a rename or a new partner is a whole save).
struct PartnershipChanges {
    let sql: any SQLDatabase
    let organizationID: String
    let old: Partnership
    let new: Partnership
    let timestamp: String

    func write() async throws {
        let writer = RecordWriter(
            sql: sql, organizationID: organizationID, partnerships: [], partnerIDs: [], ordinals: [],
            timestamp: timestamp)
        let id = new.id
        if old.kind != new.kind {
            try await sql.update("partnerships").set("kind", to: SQLBind(new.kind.rawValue))
                .where("organization_id", .equal, SQLBind(organizationID)).where("id", .equal, SQLBind(id)).run()
        }
        try await sql.update("partnerships").set("updated_at", to: SQLBind(timestamp))
            .where("organization_id", .equal, SQLBind(organizationID)).where("id", .equal, SQLBind(id)).run()

        let stages = RecordListChange.positional(old.stages, new.stages, partnershipID: id)
        try await apply(stages, table: "stage_events", key: "ordinal", all: new.stages, insert: writer.insertStages)
        let agreements = try await identified(old.agreements, new.agreements, table: "agreements", id: \.id)
        try await apply(
            agreements, table: "agreements", key: "id", all: new.agreements, insert: writer.insertAgreements)
        let obligations = try await identified(old.obligations, new.obligations, table: "obligations", id: \.id)
        try await apply(
            obligations, table: "obligations", key: "id", all: new.obligations, insert: writer.insertObligations)
        let documents = try await identified(old.documents, new.documents, table: "documents", id: \.id)
        try await apply(documents, table: "documents", key: "id", all: new.documents, insert: writer.insertDocuments)
        let activities = try await identified(old.activities, new.activities, table: "activities", id: \.id)
        try await apply(
            activities, table: "activities", key: "id", all: new.activities, insert: writer.insertActivities)
        let assessments = RecordListChange.positional(old.assessments, new.assessments, partnershipID: id)
        try await apply(
            assessments, table: "assessments", key: "ordinal", all: new.assessments, insert: writer.insertAssessments)

        try await index(activities: activities, documents: documents)
        if !documents.isEmpty {
            try await DocumentSweep.sweep(organizationID: organizationID, partnershipID: id, in: sql)
        }
    }

    private func identified<T: Equatable>(_ old: [T], _ new: [T], table: String, id: (T) -> String) async throws
        -> RecordListChange<T>
    {
        try await RecordListChange.identified(
            old, new, id: id, partnershipID: self.new.id,
            ordinals: {
                try await scoped(sql.select().columns("id", "ordinal").from(table)).orderBy("ordinal").all()
                    .map { (try $0.text("id"), try $0.integer("ordinal")) }
            },
            next: {
                try await scoped(
                    sql.select().column(
                        SQLFunction(
                            "COALESCE", args: SQLFunction("MAX", args: SQLColumn("ordinal")), SQLLiteral.numeric("-1")),
                        as: "last"
                    )
                    .from(table)
                ).first()?.decode(column: "last", as: Int.self).advanced(by: 1) ?? 0
            })
    }

    /// Deletes the rows that go (their own rows cascade) and inserts the ones that come; or, when
    /// ordinals cannot follow the new order, every row of the kind anew.
    private func apply<T>(
        _ change: RecordListChange<T>, table: String, key: String, all: [T],
        insert: ([Owned<T>]) async throws -> Void
    ) async throws {
        if change.rewritesAll {
            try await scoped(sql.delete(from: table)).run()
            try await insert(
                all.enumerated().map { Owned(partnershipID: new.id, ordinal: $0.offset, value: $0.element) })
            return
        }
        if !change.removed.isEmpty {
            let keys: [any SQLExpression] =
                key == "ordinal" ? change.removed.map { SQLBind(Int($0)!) } : change.removed.map { SQLBind($0) }
            try await scoped(sql.delete(from: table)).where(SQLColumn(key), .in, SQLGroupExpression(keys)).run()
        }
        if !change.inserted.isEmpty { try await insert(change.inserted) }
    }

    /// The search entries of what changed: the partnership's own (partner, agreements, promises,
    /// stage notes), and those of changed activities and documents.
    private func index(activities: RecordListChange<Activity>, documents: RecordListChange<Document>) async throws {
        var stale: [(SearchHit.Kind, [String])] = [
            (.activity, activities.goneIDs(of: old.activities, id: \.id)),
            (.document, documents.goneIDs(of: old.documents, id: \.id)),
        ]
        var fresh =
            activities.coming(in: new.activities).map(SearchEntries.activityEntry)
            + documents.coming(in: new.documents).map(SearchEntries.documentEntry)
        let ownEntry = SearchEntries.partnershipEntry(new)
        if SearchEntries.partnershipEntry(old) != ownEntry {
            stale.append((.partnership, [new.id]))
            fresh.append(ownEntry)
        }
        for (kind, ids) in stale {
            try await SearchEntries.remove(
                kind, recordIDs: ids, organizationID: organizationID, partnershipID: new.id, from: sql)
        }
        try await SearchEntries.write(fresh.map { (new.id, $0) }, organizationID: organizationID, to: sql)
    }

    /// The rows of this partnership in a table.
    private func scoped<Builder: SQLPredicateBuilder>(_ builder: Builder) -> Builder {
        builder.where("organization_id", .equal, SQLBind(organizationID)).where(
            "partnership_id", .equal, SQLBind(new.id))
    }
}
