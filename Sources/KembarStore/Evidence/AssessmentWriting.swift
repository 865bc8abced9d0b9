import KembarCore
import SQLKit

extension EvidenceStore {
    /// What a person concludes about one element of a partnership, citing coded excerpts.
    public struct AssessmentDraft: Sendable {
        public var element: KeyElement
        public var status: ElementStatus
        public var note: String
        /// Ids of coded excerpts of the same partnership.
        public var evidence: [Int]
        public var by: String
        public var date: PartialDate

        public init(
            element: KeyElement, status: ElementStatus, note: String, evidence: [Int], by: String, date: PartialDate
        ) {
            self.element = element
            self.status = status
            self.note = note
            self.evidence = evidence
            self.by = by
            self.date = date
        }
    }

    /// Adds the assessment to the partnership's record, its evidence quoted from the excerpts.
    public func assess(_ draft: AssessmentDraft, organizationID: String, partnershipID: String, actor: String)
        async throws
    {
        try await database.write { sql in
            let stored = try await RecordStore.existingPartnership(
                organizationID: organizationID, id: partnershipID, sql)
            var partnership = stored.partnership
            let partnerID = stored.partnerID
            let excerpts = try await Self.excerpts(organizationID: organizationID, partnershipID: partnershipID, sql)
            let evidence = try draft.evidence.map { id in
                guard let excerpt = excerpts.first(where: { $0.id == id }) else {
                    throw EvidenceError.evidenceNotFound(id)
                }
                return Evidence(document: excerpt.documentID, quote: excerpt.quote)
            }
            let assessment = Assessment(
                element: draft.element, status: draft.status, by: draft.by, date: draft.date, note: draft.note,
                evidence: evidence)
            partnership.assessments.append(assessment)
            try await RecordStore.savePartnership(
                partnership, organizationID: organizationID, replacing: partnershipID, partner: .existing(partnerID),
                change: Change(
                    actor: actor, action: "create", entity: "assessment",
                    entityID: String(partnership.assessments.count - 1), partnershipID: partnershipID,
                    summary:
                        "assessed \(draft.element.rawValue) as \(draft.status.rawValue) with \(evidence.count) pieces of evidence",
                    after: JSONWriter.string(RecordEncoder.value(assessment))),
                previous: stored, sql)
        }
    }
}
