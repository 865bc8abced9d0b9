/// The servers running on the database, each seen every few seconds: a restore refuses while
/// one is, since it would serve (and write) while the record under it is replaced.
extension Migration {
    static let serverPresence = Migration(version: 16, name: "server presence") { _ in
        [
            """
            CREATE TABLE server_instances (
                id \(ColumnType.text) PRIMARY KEY,
                host \(ColumnType.text) NOT NULL,
                pid \(ColumnType.integer) NOT NULL,
                started_at \(ColumnType.text) NOT NULL,
                seen_at \(ColumnType.text) NOT NULL
            )
            """
        ]
    }
}
