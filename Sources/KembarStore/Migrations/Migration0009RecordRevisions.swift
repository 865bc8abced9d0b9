/// Which part of the data each write changed, under the revision number that write raised: the
/// row of a partnership, of a government (`partnership_id` empty), or of the deployment (both
/// empty). An instance that knew revision R reads the rows above R and drops only what they name
/// from its caches, instead of everything it holds.
extension Migration {
    static let recordRevisions = Migration(version: 9, name: "revisions per government and partnership") { _ in
        [
            """
            CREATE TABLE record_revisions (
                organization_id \(ColumnType.text) NOT NULL,
                partnership_id \(ColumnType.text) NOT NULL,
                revision \(ColumnType.integer) NOT NULL,
                PRIMARY KEY (organization_id, partnership_id)
            )
            """,
            "CREATE INDEX record_revisions_revision ON record_revisions (revision)",
        ]
    }
}
