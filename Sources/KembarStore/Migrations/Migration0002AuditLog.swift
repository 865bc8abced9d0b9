/// The audit log: who changed what, when, with the state before and after. Rows have no foreign
/// keys, so that the history of a deleted record outlives it.
extension Migration {
    static let auditLog = Migration(version: 2, name: "audit log") { dialect in
        [
            """
            CREATE TABLE audit_entries (
                id \(ColumnType.identity(dialect)),
                recorded_at \(ColumnType.text) NOT NULL,
                actor \(ColumnType.text) NOT NULL,
                action \(ColumnType.text) NOT NULL,
                organization_id \(ColumnType.text),
                entity \(ColumnType.text) NOT NULL,
                entity_id \(ColumnType.text),
                summary \(ColumnType.text) NOT NULL,
                before_state \(ColumnType.text),
                after_state \(ColumnType.text)
            )
            """,
            "CREATE INDEX audit_entries_entity ON audit_entries (organization_id, entity, entity_id)",
        ]
    }
}
