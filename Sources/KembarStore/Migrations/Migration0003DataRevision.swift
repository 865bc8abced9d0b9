/// A counter raised by every write, so that pages computed from the data (scorecards, the
/// portfolio) can be cached until it moves — also across several app instances sharing PostgreSQL.
extension Migration {
    static let dataRevision = Migration(version: 3, name: "data revision") { _ in
        [
            "CREATE TABLE data_revision (id \(ColumnType.integer) PRIMARY KEY, revision \(ColumnType.integer) NOT NULL)",
            "INSERT INTO data_revision (id, revision) VALUES (1, 0)",
        ]
    }
}
