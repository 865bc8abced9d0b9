import KembarCore
import SQLKit

extension DocumentStore {
    /// What cites a document: results that name it as their evidence, and assessments that quote
    /// it. A cited document stays, since removing it would leave that evidence pointing nowhere.
    public struct Citations: Equatable, Sendable {
        /// Titles of the activities whose results name the document as evidence.
        public var results: [String]
        /// The elements whose assessments quote the document.
        public var assessments: [KeyElement]

        public var isEmpty: Bool { results.isEmpty && assessments.isEmpty }

        static func of(_ documentID: String, in partnership: Partnership) -> Citations {
            Citations(
                results: partnership.activities.filter { activity in
                    activity.results.contains { $0.evidence.contains(documentID) }
                }.map(\.title),
                assessments: partnership.assessments.filter { assessment in
                    assessment.evidence.contains { $0.document == documentID }
                }.map(\.element))
        }
    }

    /// What removing a document takes with it, for the page that asks to confirm.
    public struct RemovalPreview: Sendable {
        public var document: Document
        public var citations: Citations
        public var codedPassages: Int
        public var hasFile: Bool
    }

    public func removalPreview(organizationID: String, partnershipID: String, documentID: String) async throws
        -> RemovalPreview?
    {
        try await database.read { sql in
            guard
                let partnership = try await RecordStore.partnership(
                    organizationID: organizationID, id: partnershipID, sql)?
                    .partnership,
                let document = partnership.documents.first(where: { $0.id == documentID })
            else { return nil }
            let coded = try await EvidenceStore.excerpts(
                organizationID: organizationID, partnershipID: partnershipID, sql
            ).filter { $0.documentID == documentID }.count
            let file = try await sql.select().column("document_id").from("document_files")
                .where("organization_id", .equal, SQLBind(organizationID))
                .where("partnership_id", .equal, SQLBind(partnershipID))
                .where("document_id", .equal, SQLBind(documentID)).first()
            return RemovalPreview(
                document: document, citations: .of(documentID, in: partnership), codedPassages: coded,
                hasFile: file != nil)
        }
    }

    /// Removes a document from the partnership's record, and from the activities it belongs to,
    /// with its file and its coded passages, in one transaction with its audit entry.
    public func remove(documentID: String, organizationID: String, partnershipID: String, actor: String)
        async throws
    {
        try await database.write { sql in
            let stored = try await RecordStore.existingPartnership(
                organizationID: organizationID, id: partnershipID, sql)
            var partnership = stored.partnership
            let partnerID = stored.partnerID
            guard let document = partnership.documents.first(where: { $0.id == documentID }) else {
                throw Failure.documentNotFound(documentID)
            }
            let citations = Citations.of(documentID, in: partnership)
            guard citations.isEmpty else { throw Failure.cited(documentID, citations) }
            partnership.documents.removeAll { $0.id == documentID }
            for index in partnership.activities.indices {
                partnership.activities[index].documents.removeAll { $0 == documentID }
            }
            var described = document
            described.text = nil
            try await RecordStore.savePartnership(
                partnership, organizationID: organizationID, replacing: partnershipID, partner: .existing(partnerID),
                change: Change(
                    actor: actor, action: "delete", entity: "document", entityID: documentID,
                    partnershipID: partnershipID, summary: "removed the document “\(document.title)”",
                    before: JSONWriter.string(RecordEncoder.value(described))),
                previous: stored, sql)
        }
    }
}
