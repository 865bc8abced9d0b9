import KembarCore
import SQLKit

/// Full-text search over what the record holds, within what the asker may read.
public struct SearchStore: Sendable {
    public let database: any KembarDatabase

    public init(database: any KembarDatabase) {
        self.database = database
    }

    /// Where to search: a government (nil: every one) and, within it, one partnership (nil: all).
    public struct Scope: Sendable {
        public var organizationID: String?
        public var partnershipID: String?
        /// Governments searched beside `organizationID` (a province's cities and regencies).
        public var alsoOrganizations: [String]

        public init(organizationID: String?, partnershipID: String? = nil, alsoOrganizations: [String] = []) {
            self.organizationID = organizationID
            self.partnershipID = partnershipID
            self.alsoOrganizations = alsoOrganizations
        }
    }

    /// What a search found, and how it is ordered.
    public struct Results: Sendable {
        public let hits: [SearchHit]
        /// Best match first; false when so much matched that the newest entries come first instead.
        public let byRelevance: Bool
    }

    /// Ranking every match costs time in proportion to their number; beyond this many (a word in
    /// nearly every document, such as "kerja" in a cooperation office's files), the newest entries
    /// come first, which costs nothing, and the page suggests adding a word.
    public static let rankingLimit = 5_000

    /// The first `limit` entries where every word of `query` occurs: best match first, or newest
    /// first when more than ``rankingLimit`` entries of the whole index match.
    public func search(_ query: SearchQuery, in scope: Scope, limit: Int = 50) async throws -> Results {
        guard !query.isEmpty else { return Results(hits: [], byRelevance: true) }
        let dialect = database.dialect
        return try await database.read { sql in
            let match = dialect == .sqlite ? try await Self.sqliteMatch(query, sql) : ""
            // Counting stops one past the limit: whether there are 5,001 matches or 90,000, the
            // answer is the same, and the second costs twenty times as much.
            let matches: SQLQueryString =
                switch dialect {
                case .sqlite:
                    """
                    SELECT COUNT(*) AS n FROM (SELECT 1 FROM search_index WHERE search_index MATCH \(bind: match)
                    LIMIT \(bind: Self.rankingLimit + 1))
                    """
                case .postgres:
                    """
                    SELECT COUNT(*) AS n FROM (SELECT 1 FROM search_entries
                    WHERE words @@ to_tsquery('simple', \(bind: query.postgres)) LIMIT \(bind: Self.rankingLimit + 1)) m
                    """
                }
            let byRelevance =
                try await sql.raw(matches).first()?.decode(column: "n", as: Int.self) ?? 0 <= Self.rankingLimit
            let statement = Self.hits(
                query, match: match, dialect: dialect, scope: scope, byRelevance: byRelevance, limit: limit)
            let hits = try await sql.raw(statement).all().compactMap { row -> SearchHit? in
                guard let kind = SearchHit.Kind(rawValue: try row.text("kind")) else { return nil }
                return SearchHit(
                    kind: kind, organizationID: try row.text("organization_id"),
                    partnershipID: try row.text("partnership_id"), recordID: try row.text("record_id"),
                    title: .init(try row.text("marked_title")), snippet: .init(try row.text("marked_snippet")))
            }
            return Results(hits: hits, byRelevance: byRelevance)
        }
    }

    /// The statement that finds the hits in `scope`, best first while the matches are few enough
    /// to rank, else newest first.
    private static func hits(
        _ query: SearchQuery, match: String, dialect: DatabaseDialect, scope: Scope, byRelevance: Bool, limit: Int
    ) -> SQLQueryString {
        let start = String(SearchQuery.startMark)
        let end = String(SearchQuery.endMark)
        var filter: SQLQueryString = ""
        if let organizationID = scope.organizationID {
            let organizations = [organizationID] + scope.alsoOrganizations
            filter =
                organizations.count == 1
                ? filter + " AND e.organization_id = \(bind: organizationID)"
                : filter + " AND e.organization_id IN (\(binds: organizations))"
        }
        if let partnershipID = scope.partnershipID {
            filter = filter + " AND e.partnership_id = \(bind: partnershipID)"
        }
        switch dialect {
        case .sqlite:
            return
                """
                SELECT e.kind, e.organization_id, e.partnership_id, e.record_id,
                highlight(search_index, 0, \(bind: start), \(bind: end)) AS marked_title,
                snippet(search_index, 1, \(bind: start), \(bind: end), '…', 24) AS marked_snippet
                FROM search_index JOIN search_entries e ON e.id = search_index.rowid
                WHERE search_index MATCH \(bind: match)
                """ + filter
                    + (byRelevance ? " ORDER BY bm25(search_index, 4.0, 1.0)" : " ORDER BY search_index.rowid DESC")
                    + " LIMIT \(bind: limit)"
        case .postgres:
            return
                """
                SELECT e.kind, e.organization_id, e.partnership_id, e.record_id,
                ts_headline('simple', e.title, q, \(bind: Self.headline(start, end, whole: true))) AS marked_title,
                ts_headline('simple', e.body, q, \(bind: Self.headline(start, end, whole: false))) AS marked_snippet
                FROM search_entries e, to_tsquery('simple', \(bind: query.postgres)) q
                WHERE e.words @@ q
                """ + filter + (byRelevance ? " ORDER BY ts_rank(e.words, q) DESC, e.id" : " ORDER BY e.id DESC")
                    + " LIMIT \(bind: limit)"
        }
    }

    /// FTS5's query: every word required, each as the words of the index it starts (or, when it
    /// starts too many or none, as a prefix for FTS5 to expand).
    private static func sqliteMatch(_ query: SearchQuery, _ sql: any SQLDatabase) async throws -> String {
        var required: [String] = []
        for word in query.words {
            if let words = try await SearchVocabulary.words(startingWith: word, in: sql) {
                let phrases = words.map(SearchQuery.phrase)
                required.append(phrases.count == 1 ? phrases[0] : "(" + phrases.joined(separator: " OR ") + ")")
            } else {
                required.append(SearchQuery.phrase(word) + "*")
            }
        }
        return required.joined(separator: " AND ")
    }

    private static func headline(_ start: String, _ end: String, whole: Bool) -> String {
        "StartSel=\(start), StopSel=\(end), "
            + (whole ? "HighlightAll=true" : "MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"")
    }
}
