import KembarCore
import SQLKit

/// The code book's sub-codes and the coded excerpts of documents. Every change is audited in the
/// transaction that makes it.
public struct EvidenceStore: Sendable {
    public let database: any KembarDatabase

    public init(database: any KembarDatabase) {
        self.database = database
    }

    // MARK: - The code book

    /// The sub-codes people added, to be placed in a ``CodeBook``.
    public func subCodes() async throws -> [Code] {
        try await database.read { sql in try await Self.subCodes(sql) }
    }

    static func subCodes(_ sql: any SQLDatabase) async throws -> [Code] {
        let rows = try await sql.select().columns("code_key", "parent_key", "name", "description").from("codes")
            .orderBy("code_key").all()
        let plain = CodeBook()
        var byKey: [String: (parent: String, name: String, description: String)] = [:]
        for row in rows {
            byKey[try row.text("code_key")] = (
                try row.text("parent_key"), try row.text("name"), try row.text("description")
            )
        }
        // A sub-code's element is its root's: follow parents up to an element or indicator.
        func element(of key: String) -> KeyElement? {
            if let code = plain.code(key) { return code.element }
            guard let parent = byKey[key]?.parent else { return nil }
            return element(of: parent)
        }
        return byKey.sorted { $0.key < $1.key }.compactMap { key, value in
            element(of: key).map {
                Code(key: key, name: value.name, description: value.description, parent: value.parent, element: $0)
            }
        }
    }

    /// Adds a sub-code under `parent` (an element, indicator or sub-code); returns its key.
    @discardableResult
    public func addSubCode(name: String, description: String, parent: String, actor: String) async throws -> String {
        try await database.write { sql in
            let book = CodeBook(subCodes: try await Self.subCodes(sql))
            guard book.code(parent) != nil else { throw EvidenceError.unknownCode(parent) }
            if book.children(of: parent).contains(where: { $0.name.lowercased() == name.lowercased() }) {
                throw EvidenceError.codeExists(name)
            }
            let key = CodeBook.subCodeKey(name: name, parent: parent, avoiding: Set(book.codes.map(\.key)))
            let now = Timestamp.now()
            try await sql.insert(into: "codes")
                .columns("code_key", "parent_key", "name", "description", "created_by", "created_at")
                .values(
                    SQLBind(key), SQLBind(parent), SQLBind(name), SQLBind(description), SQLBind(actor), SQLBind(now)
                )
                .run()
            try await AuditLog.append(
                AuditEntry(
                    recordedAt: now, actor: actor, action: "create", organizationID: nil, partnershipID: nil,
                    entity: "code", entityID: key, summary: "added the sub-code “\(name)” under \(parent)",
                    before: nil, after: nil),
                to: sql)
            try await DataRevision.raise(sql, [.deployment])
            return key
        }
    }

    // MARK: - Coded excerpts

    /// What a person asks to code: a quote (pasted, or selected with `near` its start), a code, a memo.
    public struct Coding: Sendable {
        public var documentID: String
        public var quote: String
        public var near: Int?
        public var code: String
        public var memo: String

        public init(documentID: String, quote: String, near: Int? = nil, code: String, memo: String) {
            self.documentID = documentID
            self.quote = quote
            self.near = near
            self.code = code
            self.memo = memo
        }
    }

    /// Finds the quote in the document's text and stores the coded excerpt.
    @discardableResult
    public func code(_ coding: Coding, organizationID: String, partnershipID: String, actor: String) async throws
        -> CodedExcerpt
    {
        try await database.write { sql in
            guard
                let row = try await sql.select().columns("title", "body").from("documents")
                    .where("organization_id", .equal, SQLBind(organizationID))
                    .where("partnership_id", .equal, SQLBind(partnershipID))
                    .where("id", .equal, SQLBind(coding.documentID)).first()
            else { throw EvidenceError.documentNotFound(coding.documentID) }
            guard let text = try row.optionalText("body"), !text.isEmpty else {
                throw EvidenceError.documentHasNoText(coding.documentID)
            }
            guard CodeBook(subCodes: try await Self.subCodes(sql)).code(coding.code) != nil else {
                throw EvidenceError.unknownCode(coding.code)
            }
            let range: Range<Int>
            switch QuoteLocator.locate(coding.quote, in: text, near: coding.near) {
            case .success(let found): range = found
            case .failure(let problem): throw EvidenceError.quote(problem)
            }
            let quote = QuoteLocator.passage(range, of: text) ?? coding.quote
            let now = Timestamp.now()
            let id =
                try await sql.insert(into: "excerpts")
                .columns(
                    "organization_id", "partnership_id", "document_id", "start_position", "end_position", "quote",
                    "code_key", "memo", "coded_by", "coded_at"
                )
                .values(
                    SQLBind(organizationID), SQLBind(partnershipID), SQLBind(coding.documentID),
                    SQLBind(range.lowerBound), SQLBind(range.upperBound), SQLBind(quote), SQLBind(coding.code),
                    SQLBind(coding.memo), SQLBind(actor), SQLBind(now)
                )
                .returning("id").first()?.decode(column: "id", as: Int.self) ?? 0
            try await AuditLog.append(
                AuditEntry(
                    recordedAt: now, actor: actor, action: "create", organizationID: organizationID,
                    partnershipID: partnershipID, entity: "excerpt", entityID: String(id),
                    summary: "coded “\(Self.short(quote))” in \(coding.documentID) as \(coding.code)",
                    before: nil, after: nil),
                to: sql)
            try await DataRevision.raise(
                sql, [.partnership(organizationID: organizationID, partnershipID: partnershipID)])
            return CodedExcerpt(
                id: id, organizationID: organizationID, partnershipID: partnershipID, documentID: coding.documentID,
                start: range.lowerBound, end: range.upperBound, quote: quote, code: coding.code, memo: coding.memo,
                codedBy: actor, codedAt: now)
        }
    }

    /// Removes a coded excerpt of the partnership.
    public func remove(excerpt id: Int, organizationID: String, partnershipID: String, actor: String) async throws {
        try await database.write { sql in
            guard
                let excerpt = try await Self.excerpts(organizationID: organizationID, partnershipID: partnershipID, sql)
                    .first(where: { $0.id == id })
            else { throw EvidenceError.excerptNotFound(id) }
            try await sql.delete(from: "excerpts").where("id", .equal, SQLBind(id)).run()
            try await AuditLog.append(
                AuditEntry(
                    recordedAt: Timestamp.now(), actor: actor, action: "delete", organizationID: organizationID,
                    partnershipID: partnershipID, entity: "excerpt", entityID: String(id),
                    summary: "removed the coding of “\(Self.short(excerpt.quote))” as \(excerpt.code)",
                    before: nil, after: nil),
                to: sql)
            try await DataRevision.raise(
                sql, [.partnership(organizationID: organizationID, partnershipID: partnershipID)])
        }
    }

    /// The coded excerpts of the governments `organizationIDs` (of one partnership when given), in
    /// document order.
    public func excerpts(organizationIDs: [String], partnershipID: String? = nil) async throws -> [CodedExcerpt] {
        try await database.read { sql in
            var all: [CodedExcerpt] = []
            for organizationID in organizationIDs {
                all += try await Self.excerpts(organizationID: organizationID, partnershipID: partnershipID, sql)
            }
            return all
        }
    }

    /// The text of each document that has coded passages, keyed `organization/partnership/document`,
    /// so that the passages can be found in it (caches of the record keep no text).
    public func codedDocumentTexts(organizationIDs: [String], partnershipID: String? = nil) async throws
        -> [String: String]
    {
        try await database.read { sql in
            var texts: [String: String] = [:]
            for organizationID in organizationIDs {
                var query = SQLQueryString(
                    """
                    SELECT d.organization_id, d.partnership_id, d.id, d.body FROM documents d
                    WHERE d.organization_id = \(bind: organizationID)
                    """)
                if let partnershipID {
                    query.appendInterpolation(unsafeRaw: " AND d.partnership_id = ")
                    query.appendInterpolation(bind: partnershipID)
                }
                query.appendInterpolation(
                    unsafeRaw: """
                         AND EXISTS (SELECT 1 FROM excerpts e WHERE e.organization_id = d.organization_id \
                        AND e.partnership_id = d.partnership_id AND e.document_id = d.id)
                        """)
                for row in try await sql.raw(query).all() {
                    let key =
                        "\(try row.text("organization_id"))/\(try row.text("partnership_id"))/\(try row.text("id"))"
                    texts[key] = try row.optionalText("body") ?? ""
                }
            }
            return texts
        }
    }

    static func excerpts(organizationID: String, partnershipID: String?, _ sql: any SQLDatabase) async throws
        -> [CodedExcerpt]
    {
        var query = sql.select().column("*").from("excerpts").where("organization_id", .equal, SQLBind(organizationID))
        if let partnershipID { query = query.where("partnership_id", .equal, SQLBind(partnershipID)) }
        return try await query.orderBy("partnership_id").orderBy("document_id").orderBy("start_position").orderBy("id")
            .all().map { row in
                CodedExcerpt(
                    id: try row.integer("id"), organizationID: try row.text("organization_id"),
                    partnershipID: try row.text("partnership_id"), documentID: try row.text("document_id"),
                    start: try row.integer("start_position"), end: try row.integer("end_position"),
                    quote: try row.text("quote"), code: try row.text("code_key"), memo: try row.text("memo"),
                    codedBy: try row.text("coded_by"), codedAt: try row.text("coded_at"))
            }
    }

    static func short(_ quote: String) -> String {
        quote.count > 60 ? String(quote.prefix(60)) + "…" : quote
    }
}
