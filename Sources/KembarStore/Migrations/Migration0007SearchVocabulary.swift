/// The words of the SQLite search index (see ``SearchVocabulary``); PostgreSQL needs none.
extension Migration {
    static let searchVocabulary = Migration(
        version: 7, name: "search vocabulary",
        statements: { dialect in
            switch dialect {
            case .sqlite: ["CREATE TABLE search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID"]
            case .postgres: []
            }
        },
        fill: { sql in
            guard sql.isSQLite else { return }
            try await SearchVocabulary.learnEverything(sql)
        })
}
