import Foundation
import SQLKit

/// Every word the SQLite search index holds, in a table of its own, so that a word typed as the
/// start of words ("pertukar") is looked up as the words it starts ("pertukaran"). FTS5 answers
/// a prefix query by reading and merging the whole of every matching word's list of entries
/// before it can join them: 10–30 ms for a word in most of 100,000 documents. The same words
/// asked for by name are read only as far as the join needs, well under a millisecond.
///
/// The words come from FTS5's own tokenizer (through a scratch index and its `fts5vocab`
/// table), never from a tokenizer of Kembar's, so the two cannot disagree. Words are only ever
/// added: one whose last entry is gone expands to a word that matches nothing, which costs
/// nothing. PostgreSQL's GIN index answers prefix queries well and needs none of this.
enum SearchVocabulary {
    /// Beyond this many words a prefix is left to FTS5 (a one-letter prefix, say): spelling them
    /// out would cost more than the merge.
    static let maximumExpansion = 64

    /// Adds the words of the entries with ids above `id` (the ones just written).
    static func learn(fromEntriesAfter id: Int, in sql: any SQLDatabase) async throws {
        try await learn(
            "SELECT title, body FROM search_entries WHERE id > \(bind: id)", in: sql)
    }

    /// Adds the words of `text` (a title written in place, such as a partner's new name).
    static func learn(_ text: String, in sql: any SQLDatabase) async throws {
        try await learn("SELECT \(bind: text), ''", in: sql)
    }

    private static func learn(_ rows: SQLQueryString, in sql: any SQLDatabase) async throws {
        // Temporary tables belong to the connection, and SQLite writes through one connection.
        // The scratch index is contentless: it keeps the words, not the text, and empties at once.
        try await sql.raw(
            """
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_scratch USING fts5(
                title, body, content = '', tokenize = 'unicode61 remove_diacritics 2')
            """
        ).run()
        try await sql.raw(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_scratch_words USING fts5vocab(temp, search_scratch, row)"
        ).run()
        try await sql.raw("INSERT INTO temp.search_scratch (title, body) " + rows).run()
        try await sql.raw("INSERT OR IGNORE INTO search_terms (term) SELECT term FROM temp.search_scratch_words")
            .run()
        try await sql.raw("INSERT INTO temp.search_scratch (search_scratch) VALUES ('delete-all')").run()
    }

    /// Fills the vocabulary from the whole index (once, when the table is created).
    @Sendable static func learnEverything(_ sql: any SQLDatabase) async throws {
        try await sql.raw(
            "CREATE VIRTUAL TABLE temp.search_index_words USING fts5vocab(main, search_index, row)"
        ).run()
        try await sql.raw("INSERT OR IGNORE INTO search_terms (term) SELECT term FROM temp.search_index_words").run()
        try await sql.raw("DROP TABLE temp.search_index_words").run()
    }

    /// Makes the vocabulary again from the index as it now is (after a restore); nothing on PostgreSQL.
    static func relearn(_ sql: any SQLDatabase) async throws {
        guard sql.isSQLite else { return }
        try await sql.delete(from: "search_terms").run()
        try await learnEverything(sql)
    }

    /// The words of the index that `prefix` starts, in order; nil when there are more than
    /// ``maximumExpansion`` (or none, when a word the index holds was typed differently from how
    /// the index folds it: FTS5 then looks for the prefix itself).
    static func words(startingWith prefix: String, in sql: any SQLDatabase) async throws -> [String]? {
        let folded = prefix.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        // Every word starting with `folded` sorts between it and it followed by the last code point.
        let found = try await sql.raw(
            """
            SELECT term FROM search_terms WHERE term >= \(bind: folded) AND term < \(bind: folded + "\u{10FFFF}")
            ORDER BY term LIMIT \(bind: maximumExpansion + 1)
            """
        ).all().map { try $0.decode(column: "term", as: String.self) }
        return found.isEmpty || found.count > maximumExpansion ? nil : found
    }
}

extension SQLDatabase {
    var isSQLite: Bool { dialect.name == "sqlite" }
}
