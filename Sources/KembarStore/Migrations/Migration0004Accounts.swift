/// Accounts and their sessions, sign-in failures for throttling, community proposals, activities
/// entered by partner cities awaiting confirmation, and the partnership of each audit entry.
extension Migration {
    static let accounts = Migration(version: 4, name: "accounts, sessions, proposals") { dialect in
        [
            """
            CREATE TABLE users (
                id \(ColumnType.identity(dialect)),
                email \(ColumnType.text) NOT NULL UNIQUE,
                name \(ColumnType.text) NOT NULL,
                password_hash \(ColumnType.text) NOT NULL,
                role \(ColumnType.text) NOT NULL,
                organization_id \(ColumnType.text),
                partnership_id \(ColumnType.text),
                disabled \(ColumnType.boolean) NOT NULL,
                must_change_password \(ColumnType.boolean) NOT NULL,
                created_at \(ColumnType.text) NOT NULL
            )
            """,
            // Only a hash of the session token is kept: a copy of the database opens no session.
            """
            CREATE TABLE sessions (
                token_hash \(ColumnType.text) PRIMARY KEY,
                user_id \(ColumnType.integer) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                form_token \(ColumnType.text) NOT NULL,
                created_at \(ColumnType.text) NOT NULL,
                expires_at \(ColumnType.text) NOT NULL
            )
            """,
            "CREATE INDEX sessions_user ON sessions (user_id)",
            """
            CREATE TABLE sign_in_failures (
                subject \(ColumnType.text) NOT NULL,
                failed_at \(ColumnType.text) NOT NULL
            )
            """,
            "CREATE INDEX sign_in_failures_subject ON sign_in_failures (subject, failed_at)",
            """
            CREATE TABLE proposals (
                id \(ColumnType.identity(dialect)),
                organization_id \(ColumnType.text) NOT NULL,
                partnership_id \(ColumnType.text) NOT NULL,
                proposer_name \(ColumnType.text) NOT NULL,
                proposer_organization \(ColumnType.text),
                proposer_group \(ColumnType.text) NOT NULL,
                contact \(ColumnType.text) NOT NULL,
                idea \(ColumnType.text) NOT NULL,
                area \(ColumnType.text),
                status \(ColumnType.text) NOT NULL,
                reason \(ColumnType.text),
                activity_id \(ColumnType.text),
                submitted_at \(ColumnType.text) NOT NULL,
                submitted_from \(ColumnType.text) NOT NULL,
                decided_by \(ColumnType.text),
                decided_at \(ColumnType.text)
            )
            """,
            "CREATE INDEX proposals_partnership ON proposals (organization_id, partnership_id, status)",
            "CREATE INDEX proposals_address ON proposals (submitted_from, submitted_at)",
            """
            CREATE TABLE partner_submissions (
                id \(ColumnType.identity(dialect)),
                organization_id \(ColumnType.text) NOT NULL,
                partnership_id \(ColumnType.text) NOT NULL,
                activity \(ColumnType.text) NOT NULL,
                title \(ColumnType.text) NOT NULL,
                entered_by \(ColumnType.text) NOT NULL,
                entered_at \(ColumnType.text) NOT NULL,
                status \(ColumnType.text) NOT NULL,
                reason \(ColumnType.text),
                decided_by \(ColumnType.text),
                decided_at \(ColumnType.text)
            )
            """,
            "CREATE INDEX partner_submissions_partnership ON partner_submissions (organization_id, partnership_id, status)",
            "ALTER TABLE audit_entries ADD COLUMN partnership_id \(ColumnType.text)",
            "CREATE INDEX audit_entries_partnership ON audit_entries (organization_id, partnership_id, id)",
        ]
    }
}
