import KembarCore
import SQLKit

/// Writes a validated ``CooperationRecord`` into the tables of migration 1.
///
/// Tables are filled one after another in the order of their foreign keys, each with batched
/// multi-row inserts; the caller provides the transaction.
struct RecordWriter {
    let sql: any SQLDatabase
    let organizationID: String
    let partnerships: [Partnership]
    /// The partner row of each partnership, by position.
    let partnerIDs: [String]
    /// The position of each partnership in its organization's list.
    let ordinals: [Int]
    let timestamp: String

    /// Writes a whole record: the organization, its partners and every partnership.
    static func write(_ record: CooperationRecord, to sql: any SQLDatabase, timestamp: String) async throws {
        try await writeOrganization(record.organization, to: sql, timestamp: timestamp)
        let identities = PartnerIdentity.assign(record.partnerships.map(\.partner))
        try await insertPartners(identities.distinct, organizationID: record.organization.id, to: sql)
        try await RecordWriter(
            sql: sql, organizationID: record.organization.id, partnerships: record.partnerships,
            partnerIDs: record.partnerships.map { identities.id(for: $0.partner) },
            ordinals: Array(record.partnerships.indices), timestamp: timestamp
        ).writePartnerships()
    }

    /// Writes the partnerships and everything that hangs off them; organization and partners exist.
    func writePartnerships() async throws {
        try await fill(
            "partnerships", ["organization_id", "id", "ordinal", "kind", "partner_id", "created_at", "updated_at"]
        ) { insert in
            for (index, partnership) in partnerships.enumerated() {
                try await insert([
                    organizationID, partnership.id, ordinals[index], partnership.kind.rawValue, partnerIDs[index],
                    timestamp, timestamp,
                ])
            }
        }
        try await writeStagesAndAgreements()
        try await writeDocuments()
        try await writeActivities()
        try await writeAssessments()
        try await SearchEntries.add(partnerships, organizationID: organizationID, to: sql)
    }

    private static func writeOrganization(_ organization: Organization, to sql: any SQLDatabase, timestamp: String)
        async throws
    {
        try await sql.insert(into: "organizations")
            .columns(
                "id", "name", "place_name", "place_country", "place_lat", "place_lon", "cooperation_officers",
                "cooperation_count", "created_at", "updated_at"
            )
            .values(
                [
                    organization.id, organization.name, organization.place.name, organization.place.country,
                    organization.place.coordinate?.latitude, organization.place.coordinate?.longitude,
                    organization.cooperationOfficers, organization.cooperationCount, timestamp, timestamp,
                ].map(SQLBind.orNull)
            )
            .run()
    }

    static func insertPartners(
        _ partners: [(id: String, partner: Partner)], organizationID: String, to sql: any SQLDatabase
    ) async throws {
        try await fill(
            "partners", ["organization_id", "id", "name", "native_name", "country", "kind", "lat", "lon", "wikidata"],
            to: sql
        ) { insert in
            for (id, partner) in partners {
                try await insert([
                    organizationID, id, partner.name, partner.nativeName, partner.country, partner.kind.rawValue,
                    partner.coordinate?.latitude, partner.coordinate?.longitude, partner.wikidata,
                ])
            }
        }
    }

    private func writeStagesAndAgreements() async throws {
        let key = "organization_id"
        try await fill("stage_events", [key, "partnership_id", "ordinal", "stage", "happened_on", "note"]) { insert in
            for partnership in partnerships {
                for (ordinal, stage) in partnership.stages.enumerated() {
                    try await insert(
                        owner(partnership) + [ordinal, stage.stage.rawValue, stage.date.description, stage.note])
                }
            }
        }
        try await fill(
            "agreements",
            [key, "partnership_id", "id", "ordinal", "type", "signed_on", "valid_from", "valid_until", "supersedes"]
        ) { insert in
            for partnership in partnerships {
                for (ordinal, agreement) in partnership.agreements.enumerated() {
                    try await insert(
                        owner(partnership) + [
                            agreement.id, ordinal, agreement.type.rawValue, agreement.signed.description,
                            agreement.validFrom?.description, agreement.validUntil?.description, agreement.supersedes,
                        ])
                }
            }
        }
        try await fill(
            "agreement_signatories", [key, "partnership_id", "agreement_id", "ordinal", "side", "name", "title"]
        ) { insert in
            for partnership in partnerships {
                for agreement in partnership.agreements {
                    for (ordinal, signatory) in agreement.signatories.enumerated() {
                        try await insert(
                            owner(partnership) + [
                                agreement.id, ordinal, signatory.side.rawValue, signatory.name, signatory.title,
                            ])
                    }
                }
            }
        }
        for (table, column, values) in [
            ("agreement_areas", "area", \Agreement.areas),
            ("agreement_objectives", "objective", \Agreement.objectives),
            ("agreement_clauses", "clause", \Agreement.clauses),
        ] {
            try await fill(table, [key, "partnership_id", "agreement_id", "ordinal", column]) { insert in
                for partnership in partnerships {
                    for agreement in partnership.agreements {
                        for (ordinal, value) in agreement[keyPath: values].enumerated() {
                            try await insert(owner(partnership) + [agreement.id, ordinal, value])
                        }
                    }
                }
            }
        }
        try await fill(
            "obligations",
            [
                key, "partnership_id", "id", "ordinal", "agreement_id", "title", "recurrence", "due_from", "due_until",
                "alternate_host",
            ]
        ) { insert in
            for partnership in partnerships {
                for (ordinal, obligation) in partnership.obligations.enumerated() {
                    try await insert(
                        owner(partnership) + [
                            obligation.id, ordinal, obligation.agreement, obligation.title, obligation.every.rawValue,
                            obligation.from.description, obligation.until?.description, obligation.alternateHost,
                        ])
                }
            }
        }
    }

    private func writeDocuments() async throws {
        try await fill(
            "documents",
            [
                "organization_id", "partnership_id", "id", "ordinal", "title", "kind", "document_date", "language",
                "source", "body",
            ]
        ) { insert in
            for partnership in partnerships {
                for (ordinal, document) in partnership.documents.enumerated() {
                    try await insert(
                        owner(partnership) + [
                            document.id, ordinal, document.title, document.kind.rawValue, document.date?.description,
                            document.language, document.source, document.text,
                        ])
                }
            }
        }
    }

    private func writeActivities() async throws {
        let activityKey = ["organization_id", "partnership_id", "activity_id", "ordinal"]
        try await fill(
            "activities",
            [
                "organization_id", "partnership_id", "id", "ordinal", "title", "start_date", "end_date",
                "start_earliest", "start_latest", "kind", "host", "initiator", "is_public",
            ]
        ) { insert in
            for partnership in partnerships {
                for (ordinal, activity) in partnership.activities.enumerated() {
                    try await insert(
                        owner(partnership) + [
                            activity.id, ordinal, activity.title, activity.start.description, activity.end?.description,
                            activity.start.earliestDay?.description, activity.start.latestDay?.description,
                            activity.kind.rawValue, activity.host?.rawValue, activity.initiator?.rawValue,
                            activity.isPublic,
                        ])
                }
            }
        }
        for (table, column, values) in [
            ("activity_areas", "area", \Activity.areas),
            ("activity_fulfils", "obligation_id", \Activity.fulfils),
            ("activity_documents", "document_id", \Activity.documents),
        ] {
            try await eachActivity(table, activityKey + [column]) { partnership, activity, insert in
                for (ordinal, value) in activity[keyPath: values].enumerated() {
                    try await insert(owner(partnership) + [activity.id, ordinal, value])
                }
            }
        }
        try await eachActivity(
            "activity_participants", activityKey + ["side", "participant_group", "role", "head_count"]
        ) { partnership, activity, insert in
            for (ordinal, participant) in activity.participants.enumerated() {
                try await insert(
                    owner(partnership) + [
                        activity.id, ordinal, participant.side.rawValue, participant.group.rawValue,
                        participant.role.rawValue, participant.count,
                    ])
            }
        }
        try await eachActivity("activity_costs", activityKey + ["side", "amount", "currency", "kind"]) {
            partnership, activity, insert in
            for (ordinal, cost) in activity.costs.enumerated() {
                try await insert(
                    owner(partnership) + [
                        activity.id, ordinal, cost.side.rawValue, cost.amount, cost.currency, cost.kind.rawValue,
                    ])
            }
        }
        try await eachActivity("activity_benefits", activityKey + ["beneficiary", "kind", "description"]) {
            partnership, activity, insert in
            for (ordinal, benefit) in activity.benefits.enumerated() {
                try await insert(
                    owner(partnership) + [
                        activity.id, ordinal, benefit.to.rawValue, benefit.kind.rawValue, benefit.description,
                    ])
            }
        }
        try await eachActivity(
            "activity_results",
            activityKey + [
                "kind", "directness", "description", "planned", "delivered", "quantity_value", "quantity_unit",
                "sustained",
            ]
        ) { partnership, activity, insert in
            for (ordinal, result) in activity.results.enumerated() {
                try await insert(
                    owner(partnership) + [
                        activity.id, ordinal, result.kind.rawValue, result.directness.rawValue, result.description,
                        result.planned, result.delivered, result.quantity?.value, result.quantity?.unit,
                        result.sustained,
                    ])
            }
        }
        try await eachActivity(
            "result_evidence",
            ["organization_id", "partnership_id", "activity_id", "result_ordinal", "ordinal", "document_id"]
        ) { partnership, activity, insert in
            for (resultOrdinal, result) in activity.results.enumerated() {
                for (ordinal, document) in result.evidence.enumerated() {
                    try await insert(owner(partnership) + [activity.id, resultOrdinal, ordinal, document])
                }
            }
        }
    }

    private func writeAssessments() async throws {
        try await fill(
            "assessments",
            ["organization_id", "partnership_id", "ordinal", "element", "status", "assessed_by", "assessed_on", "note"]
        ) { insert in
            for partnership in partnerships {
                for (ordinal, assessment) in partnership.assessments.enumerated() {
                    try await insert(
                        owner(partnership) + [
                            ordinal, assessment.element.rawValue, assessment.status.rawValue, assessment.by,
                            assessment.date.description, assessment.note,
                        ])
                }
            }
        }
        try await fill(
            "assessment_evidence",
            ["organization_id", "partnership_id", "assessment_ordinal", "ordinal", "document_id", "quote"]
        ) { insert in
            for partnership in partnerships {
                for (assessmentOrdinal, assessment) in partnership.assessments.enumerated() {
                    for (ordinal, evidence) in assessment.evidence.enumerated() {
                        try await insert(
                            owner(partnership) + [assessmentOrdinal, ordinal, evidence.document, evidence.quote])
                    }
                }
            }
        }
    }

    // MARK: - Helpers

    typealias Row = [(any Encodable & Sendable)?]

    private func owner(_ partnership: Partnership) -> Row {
        [organizationID, partnership.id]
    }

    private func fill(
        _ table: String, _ columns: [String], _ rows: (_ insert: RowSink) async throws -> Void
    ) async throws {
        try await Self.fill(table, columns, to: sql, rows)
    }

    private static func fill(
        _ table: String, _ columns: [String], to sql: any SQLDatabase, _ rows: (_ insert: RowSink) async throws -> Void
    ) async throws {
        let sink = RowSink(BatchInsert(table, columns: columns), sql: sql)
        try await rows(sink)
        try await sink.finish()
    }

    private func eachActivity(
        _ table: String, _ columns: [String],
        _ rows: (Partnership, Activity, _ insert: RowSink) async throws -> Void
    ) async throws {
        try await fill(table, columns) { insert in
            for partnership in partnerships {
                for activity in partnership.activities {
                    try await rows(partnership, activity, insert)
                }
            }
        }
    }

}

/// Receives the rows of one table and sends them to the database in batches.
final class RowSink {
    private var batch: BatchInsert
    private let sql: any SQLDatabase

    init(_ batch: BatchInsert, sql: any SQLDatabase) {
        self.batch = batch
        self.sql = sql
    }

    func callAsFunction(_ row: RecordWriter.Row) async throws {
        try await batch.append(row, flushingTo: sql)
    }

    func finish() async throws {
        try await batch.flush(to: sql)
    }
}
