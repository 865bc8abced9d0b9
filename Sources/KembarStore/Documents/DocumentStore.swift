import Crypto
import Foundation
import KembarCore
import SQLKit

/// Uploaded files, kept in the database beside the record so that one backup holds everything.
public struct DocumentStore: Sendable {
    public let database: any KembarDatabase

    public init(database: any KembarDatabase) {
        self.database = database
    }

    public enum Failure: Error, Equatable, Sendable {
        case activityNotFound(String)
        case documentNotFound(String)
        /// The document is evidence of results or assessments, which must let go of it first.
        case cited(String, Citations)
    }

    /// Adds `upload` to the partnership's record as a new document and keeps its file, in one
    /// transaction; returns the new document's id.
    @discardableResult
    public func attach(_ upload: DocumentUpload, organizationID: String, partnershipID: String, actor: String)
        async throws -> String
    {
        try await database.write { sql in
            let stored = try await RecordStore.existingPartnership(
                organizationID: organizationID, id: partnershipID, sql)
            var partnership = stored.partnership
            let partnerID = stored.partnerID
            let about = upload.description
            // "new" is the address of the upload form, so no document takes it.
            let id = Slug.unused(
                Slug.make(about.title, maxLength: 60) ?? "document",
                avoiding: Set(partnership.documents.map(\.id)).union(["new"]))
            let document = Document(
                id: id, title: about.title, kind: about.kind, date: about.date, language: about.language,
                source: about.source, text: upload.text)
            partnership.documents.append(document)
            try Self.link(id, to: about.activityIDs, in: &partnership)
            var described = document
            described.text = nil
            let size = ByteCountFormatter.string(fromByteCount: Int64(upload.bytes.count), countStyle: .file)
            try await RecordStore.savePartnership(
                partnership, organizationID: organizationID, replacing: partnershipID, partner: .existing(partnerID),
                change: Change(
                    actor: actor, action: "create", entity: "document", entityID: id, partnershipID: partnershipID,
                    summary:
                        "uploaded \(upload.fileName) (\(upload.mediaType), \(size)\(upload.text == nil ? ", no text" : "")) as “\(about.title)”",
                    after: JSONWriter.string(RecordEncoder.value(described))),
                previous: stored, sql)
            try await sql.insert(into: "document_files")
                .columns(
                    "organization_id", "partnership_id", "document_id", "file_name", "media_type", "byte_count",
                    "sha256", "has_text", "uploaded_by", "uploaded_at", "content"
                )
                .values(
                    SQLBind(organizationID), SQLBind(partnershipID), SQLBind(id), SQLBind(upload.fileName),
                    SQLBind(upload.mediaType), SQLBind(upload.bytes.count),
                    SQLBind(SHA256.hash(data: upload.bytes).map { String(format: "%02x", $0) }.joined()),
                    SQLBind(upload.text != nil), SQLBind(actor), SQLBind(Timestamp.now()), SQLBind(Data(upload.bytes))
                )
                .run()
            return id
        }
    }

    /// Changes what the record says of a document (its text and file stay), in one transaction
    /// with its audit entry. `check` sees the partnership and document as stored, held until the
    /// change is written, and may refuse the change by throwing.
    public func describe(
        _ documentID: String, as about: DocumentDescription, organizationID: String, partnershipID: String,
        actor: String, check: @escaping @Sendable (Partnership, Document) throws -> Void = { _, _ in }
    ) async throws {
        try await database.write { sql in
            let stored = try await RecordStore.existingPartnership(
                organizationID: organizationID, id: partnershipID, sql)
            var partnership = stored.partnership
            guard let index = partnership.documents.firstIndex(where: { $0.id == documentID }) else {
                throw Failure.documentNotFound(documentID)
            }
            try check(partnership, partnership.documents[index])
            let before = partnership.documents[index]
            var after = before
            after.title = about.title
            after.kind = about.kind
            after.date = about.date
            after.language = about.language
            after.source = about.source
            partnership.documents[index] = after
            try Self.link(documentID, to: about.activityIDs, in: &partnership)
            func described(_ document: Document) -> String {
                var shown = document
                shown.text = nil
                return JSONWriter.string(RecordEncoder.value(shown))
            }
            try await RecordStore.savePartnership(
                partnership, organizationID: organizationID, replacing: partnershipID,
                partner: .existing(stored.partnerID),
                change: Change(
                    actor: actor, action: "update", entity: "document", entityID: documentID,
                    partnershipID: partnershipID, summary: "described the document “\(about.title)”",
                    before: described(before), after: described(after)),
                previous: stored, sql)
        }
    }

    /// Makes `activityIDs` the activities of the partnership that list the document.
    private static func link(_ documentID: String, to activityIDs: [String], in partnership: inout Partnership) throws {
        for activityID in activityIDs where !partnership.activities.contains(where: { $0.id == activityID }) {
            throw Failure.activityNotFound(activityID)
        }
        for index in partnership.activities.indices {
            let listed = partnership.activities[index].documents.contains(documentID)
            if activityIDs.contains(partnership.activities[index].id) {
                if !listed { partnership.activities[index].documents.append(documentID) }
            } else if listed {
                partnership.activities[index].documents.removeAll { $0 == documentID }
            }
        }
    }

    /// The files of a partnership's documents, by document id.
    public func files(organizationID: String, partnershipID: String) async throws -> [String: StoredFile] {
        try await database.read { sql in
            let rows = try await Self.select(sql).where("organization_id", .equal, SQLBind(organizationID))
                .where("partnership_id", .equal, SQLBind(partnershipID)).all()
            return Dictionary(
                uniqueKeysWithValues: try rows.map { row in
                    let file = try Self.file(row)
                    return (file.documentID, file)
                })
        }
    }

    /// A document's file with its bytes, or nil when the document has no uploaded file.
    public func content(organizationID: String, partnershipID: String, documentID: String) async throws -> (
        file: StoredFile, bytes: [UInt8]
    )? {
        try await database.read { sql in
            guard
                let row = try await Self.select(sql).column("content")
                    .where("organization_id", .equal, SQLBind(organizationID))
                    .where("partnership_id", .equal, SQLBind(partnershipID))
                    .where("document_id", .equal, SQLBind(documentID)).first()
            else { return nil }
            return (try Self.file(row), Array(try row.decode(column: "content", as: Data.self)))
        }
    }

    private static func select(_ sql: any SQLDatabase) -> SQLSelectBuilder {
        sql.select().columns(
            "document_id", "file_name", "media_type", "byte_count", "sha256", "has_text", "uploaded_by", "uploaded_at"
        ).from("document_files")
    }

    private static func file(_ row: any SQLRow) throws -> StoredFile {
        StoredFile(
            documentID: try row.text("document_id"), fileName: try row.text("file_name"),
            mediaType: try row.text("media_type"), byteCount: try row.integer("byte_count"),
            sha256: try row.text("sha256"), hasText: try row.decode(column: "has_text", as: Bool.self),
            uploadedBy: try row.text("uploaded_by"), uploadedAt: try row.text("uploaded_at"))
    }
}
