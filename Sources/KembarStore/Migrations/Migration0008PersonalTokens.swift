/// Personal tokens: the secrets that let a program (the JSON API) or a calendar application (a
/// feed's address) act for a person without their password.
extension Migration {
    static let personalTokens = Migration(version: 8, name: "personal tokens") { dialect in
        [
            // Only the token's hash is kept, as for sessions; `hint` is its first characters,
            // so that a person can tell their tokens apart.
            """
            CREATE TABLE personal_tokens (
                id \(ColumnType.identity(dialect)),
                user_id \(ColumnType.integer) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                name \(ColumnType.text) NOT NULL,
                purpose \(ColumnType.text) NOT NULL,
                token_hash \(ColumnType.text) NOT NULL UNIQUE,
                hint \(ColumnType.text) NOT NULL,
                created_at \(ColumnType.text) NOT NULL,
                last_used_at \(ColumnType.text),
                revoked_at \(ColumnType.text)
            )
            """,
            "CREATE INDEX personal_tokens_user ON personal_tokens (user_id)",
        ]
    }
}
