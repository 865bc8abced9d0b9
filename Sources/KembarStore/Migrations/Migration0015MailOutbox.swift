/// Mail: the outbox (each message written in the same transaction as what causes it, under a key
/// that makes it once only, delivered by one sender at a time, and kept as the delivery log);
/// each person's choices and what they were already told; the key that signs unsubscribe links;
/// and the single-use links of invitations and password resets (kept as hashes).
extension Migration {
    static let mailOutbox = Migration(version: 15, name: "mail") { dialect in
        [
            """
            CREATE TABLE mail_outbox (
                id \(ColumnType.identity(dialect)),
                dedupe_key \(ColumnType.text) NOT NULL UNIQUE,
                account_id \(ColumnType.integer),
                kind \(ColumnType.text) NOT NULL,
                sender \(ColumnType.text) NOT NULL,
                recipient \(ColumnType.text) NOT NULL,
                subject \(ColumnType.text) NOT NULL,
                message \(ColumnType.text) NOT NULL,
                status \(ColumnType.text) NOT NULL,
                attempts \(ColumnType.integer) NOT NULL,
                next_attempt_at \(ColumnType.text) NOT NULL,
                last_error \(ColumnType.text),
                created_at \(ColumnType.text) NOT NULL,
                sent_at \(ColumnType.text)
            )
            """,
            "CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at)",
            """
            CREATE TABLE mail_settings (
                account_id \(ColumnType.integer) PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
                language \(ColumnType.text),
                alarms \(ColumnType.text),
                obligations \(ColumnType.text),
                agreements \(ColumnType.text),
                decisions \(ColumnType.text),
                last_digest \(ColumnType.text)
            )
            """,
            """
            CREATE TABLE mail_told (
                account_id \(ColumnType.integer) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                item_key \(ColumnType.text) NOT NULL,
                told_on \(ColumnType.text) NOT NULL,
                PRIMARY KEY (account_id, item_key)
            )
            """,
            """
            CREATE TABLE mail_secrets (
                name \(ColumnType.text) PRIMARY KEY,
                value \(ColumnType.text) NOT NULL
            )
            """,
            """
            CREATE TABLE account_links (
                token_hash \(ColumnType.text) PRIMARY KEY,
                account_id \(ColumnType.integer) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                purpose \(ColumnType.text) NOT NULL,
                expires_at \(ColumnType.text) NOT NULL,
                used_at \(ColumnType.text),
                created_at \(ColumnType.text) NOT NULL
            )
            """,
        ]
    }
}
