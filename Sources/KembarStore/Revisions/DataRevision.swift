import SQLKit

/// The counter of migration 3, raised inside every write transaction, and the scopes of
/// migration 9 that say what each raise changed.
///
/// On PostgreSQL the raise locks the counter's row until the transaction ends, so writes commit
/// in the order of their revisions: whoever reads revision R can trust that every write up to R
/// is visible, and reads exactly the scopes above the revision it knew.
public enum DataRevision {
    /// Raises the revision and records that `scopes` changed under it; call last in a write
    /// transaction, so that the counter's row is held only briefly. Returns the new revision.
    @discardableResult
    static func raise(_ sql: any SQLDatabase, _ scopes: [RevisionScope]) async throws -> Int {
        try await sql.raw("UPDATE data_revision SET revision = revision + 1 WHERE id = 1").run()
        let revision = try await current(sql)
        for scope in Set(scopes) {
            let key = scope.key
            // The same upsert on both databases (SQLite 3.24 and later, PostgreSQL 9.5 and later).
            try await sql.raw(
                """
                INSERT INTO record_revisions (organization_id, partnership_id, revision)
                VALUES (\(bind: key.organization), \(bind: key.partnership), \(bind: revision))
                ON CONFLICT (organization_id, partnership_id) DO UPDATE SET revision = excluded.revision
                """
            ).run()
        }
        return revision
    }

    public static func current(_ database: any KembarDatabase) async throws -> Int {
        try await database.read { sql in try await current(sql) }
    }

    static func current(_ sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("SELECT revision FROM data_revision WHERE id = 1").first()?
            .decode(column: "revision", as: Int.self) ?? 0
    }

    /// What changed after `known`: nothing (and no second query) while the revision stands still.
    public static func changes(after known: Int, in database: any KembarDatabase) async throws -> RevisionChanges {
        try await database.read { sql in
            let revision = try await current(sql)
            guard revision > known else { return RevisionChanges(revision: revision, changed: [:]) }
            var changed: [RevisionScope: Int] = [:]
            let rows = try await sql.raw(
                """
                SELECT organization_id, partnership_id, revision FROM record_revisions
                WHERE revision > \(bind: known) AND revision <= \(bind: revision)
                """
            ).all()
            for row in rows {
                let scope = RevisionScope(
                    organization: try row.text("organization_id"), partnership: try row.text("partnership_id"))
                changed[scope] = try row.integer("revision")
            }
            return RevisionChanges(revision: revision, changed: changed)
        }
    }

    /// The newest revision that changed a partnership or its government, read inside a write
    /// transaction: a copy of the partnership read at a revision at least this new is current.
    static func partnershipRevision(organizationID: String, partnershipID: String, _ sql: any SQLDatabase)
        async throws -> Int
    {
        try await sql.raw(
            """
            SELECT COALESCE(MAX(revision), 0) AS revision FROM record_revisions
            WHERE organization_id = \(bind: organizationID) AND partnership_id IN ('', \(bind: partnershipID))
            """
        ).first()?.decode(column: "revision", as: Int.self) ?? 0
    }
}
