/// Spreadsheets uploaded for import and not yet confirmed: kept between the preview and the
/// person's confirmation (any instance of a cluster may serve either), then removed. None of it is
/// the record; an upload left unconfirmed is removed after a day.
extension Migration {
    static let pendingImports = Migration(version: 11, name: "pending spreadsheet imports") { dialect in
        [
            """
            CREATE TABLE pending_imports (
                id \(ColumnType.text) PRIMARY KEY,
                organization_id \(ColumnType.text) NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
                actor \(ColumnType.text) NOT NULL,
                file_name \(ColumnType.text) NOT NULL,
                content \(ColumnType.bytes(dialect)) NOT NULL,
                choices \(ColumnType.text) NOT NULL,
                created_at \(ColumnType.text) NOT NULL
            )
            """
        ]
    }
}
