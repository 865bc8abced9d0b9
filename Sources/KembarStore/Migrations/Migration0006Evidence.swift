/// Uploaded files of documents, the sub-codes people add to the code book, and coded excerpts.
/// Files and excerpts name their document by id without a foreign key: saving a partnership
/// rewrites its documents, and what was uploaded and coded must survive that. They are removed
/// with the document instead (``DocumentFiles/sweep(organizationID:partnershipID:in:)``).
extension Migration {
    static let evidence = Migration(version: 6, name: "document files and evidence coding") { dialect in
        [
            """
            CREATE TABLE document_files (
                organization_id \(ColumnType.text) NOT NULL,
                partnership_id \(ColumnType.text) NOT NULL,
                document_id \(ColumnType.text) NOT NULL,
                file_name \(ColumnType.text) NOT NULL,
                media_type \(ColumnType.text) NOT NULL,
                byte_count \(ColumnType.integer) NOT NULL,
                sha256 \(ColumnType.text) NOT NULL,
                has_text \(ColumnType.boolean) NOT NULL,
                uploaded_by \(ColumnType.text) NOT NULL,
                uploaded_at \(ColumnType.text) NOT NULL,
                content \(ColumnType.bytes(dialect)) NOT NULL,
                PRIMARY KEY (organization_id, partnership_id, document_id)
            )
            """,
            """
            CREATE TABLE codes (
                code_key \(ColumnType.text) PRIMARY KEY,
                parent_key \(ColumnType.text) NOT NULL,
                name \(ColumnType.text) NOT NULL,
                description \(ColumnType.text) NOT NULL,
                created_by \(ColumnType.text) NOT NULL,
                created_at \(ColumnType.text) NOT NULL
            )
            """,
            """
            CREATE TABLE excerpts (
                id \(ColumnType.identity(dialect)),
                organization_id \(ColumnType.text) NOT NULL,
                partnership_id \(ColumnType.text) NOT NULL,
                document_id \(ColumnType.text) NOT NULL,
                start_position \(ColumnType.integer) NOT NULL,
                end_position \(ColumnType.integer) NOT NULL,
                quote \(ColumnType.text) NOT NULL,
                code_key \(ColumnType.text) NOT NULL,
                memo \(ColumnType.text) NOT NULL,
                coded_by \(ColumnType.text) NOT NULL,
                coded_at \(ColumnType.text) NOT NULL
            )
            """,
            "CREATE INDEX excerpts_document ON excerpts (organization_id, partnership_id, document_id)",
        ]
    }
}
