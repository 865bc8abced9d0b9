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
        try await insertStages(partnerships.flatMap { owned($0, \.stages) })
        try await insertAgreements(partnerships.flatMap { owned($0, \.agreements) })
        try await insertObligations(partnerships.flatMap { owned($0, \.obligations) })
        try await insertDocuments(partnerships.flatMap { owned($0, \.documents) })
        try await insertActivities(partnerships.flatMap { owned($0, \.activities) })
        try await insertAssessments(partnerships.flatMap { owned($0, \.assessments) })
        try await SearchEntries.add(partnerships, organizationID: organizationID, to: sql)
    }

    /// A partnership's records of one kind, each with its position as its ordinal.
    private func owned<T>(_ partnership: Partnership, _ records: KeyPath<Partnership, [T]>) -> [Owned<T>] {
        partnership[keyPath: records].enumerated().map {
            Owned(partnershipID: partnership.id, ordinal: $0.offset, value: $0.element)
        }
    }

    private static func writeOrganization(_ organization: Organization, to sql: any SQLDatabase, timestamp: String)
        async throws
    {
        try await sql.insert(into: "organizations")
            .columns(
                "id", "name", "place_name", "place_country", "place_lat", "place_lon", "cooperation_officers",
                "cooperation_count", "level", "parent_id", "region_code", "created_at", "updated_at"
            )
            .values(
                [
                    organization.id, organization.name, organization.place.name, organization.place.country,
                    organization.place.coordinate?.latitude, organization.place.coordinate?.longitude,
                    organization.cooperationOfficers, organization.cooperationCount, organization.level?.rawValue,
                    organization.parent, organization.regionCode, timestamp, timestamp,
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

    func insertStages(_ stages: [Owned<StageEvent>]) async throws {
        try await fill(
            "stage_events", ["organization_id", "partnership_id", "ordinal", "stage", "happened_on", "note"]
        ) { insert in
            for item in stages {
                let stage = item.value
                try await insert(
                    owner(item) + [item.ordinal, stage.stage.rawValue, stage.date.description, stage.note])
            }
        }
    }

    /// Agreements with their signatories, areas, objectives and clauses.
    func insertAgreements(_ agreements: [Owned<Agreement>]) async throws {
        let key = "organization_id"
        try await fill(
            "agreements",
            [key, "partnership_id", "id", "ordinal", "type", "signed_on", "valid_from", "valid_until", "supersedes"]
        ) { insert in
            for item in agreements {
                let agreement = item.value
                try await insert(
                    owner(item) + [
                        agreement.id, item.ordinal, agreement.type.rawValue, agreement.signed.description,
                        agreement.validFrom?.description, agreement.validUntil?.description, agreement.supersedes,
                    ])
            }
        }
        try await fill(
            "agreement_signatories", [key, "partnership_id", "agreement_id", "ordinal", "side", "name", "title"]
        ) { insert in
            for item in agreements {
                for (ordinal, signatory) in item.value.signatories.enumerated() {
                    try await insert(
                        owner(item) + [
                            item.value.id, ordinal, signatory.side.rawValue, signatory.name, signatory.title,
                        ])
                }
            }
        }
        for (table, column, values) in [
            ("agreement_areas", "area", \Agreement.areas),
            ("agreement_objectives", "objective", \Agreement.objectives),
            ("agreement_clauses", "clause", \Agreement.clauses),
        ] {
            try await fill(table, [key, "partnership_id", "agreement_id", "ordinal", column]) { insert in
                for item in agreements {
                    for (ordinal, value) in item.value[keyPath: values].enumerated() {
                        try await insert(owner(item) + [item.value.id, ordinal, value])
                    }
                }
            }
        }
    }

    func insertObligations(_ obligations: [Owned<Obligation>]) async throws {
        try await fill(
            "obligations",
            [
                "organization_id", "partnership_id", "id", "ordinal", "agreement_id", "title", "recurrence",
                "due_from", "due_until", "alternate_host",
            ]
        ) { insert in
            for item in obligations {
                let obligation = item.value
                try await insert(
                    owner(item) + [
                        obligation.id, item.ordinal, obligation.agreement, obligation.title, obligation.every.rawValue,
                        obligation.from.description, obligation.until?.description, obligation.alternateHost,
                    ])
            }
        }
    }

    func insertDocuments(_ documents: [Owned<Document>]) async throws {
        try await fill(
            "documents",
            [
                "organization_id", "partnership_id", "id", "ordinal", "title", "kind", "document_date", "language",
                "source", "body",
            ]
        ) { insert in
            for item in documents {
                let document = item.value
                try await insert(
                    owner(item) + [
                        document.id, item.ordinal, document.title, document.kind.rawValue, document.date?.description,
                        document.language, document.source, document.text,
                    ])
            }
        }
    }

    /// Activities with everything they hold: areas, obligations fulfilled, documents,
    /// participants, costs, benefits, results and their evidence.
    func insertActivities(_ activities: [Owned<Activity>]) async throws {
        let activityKey = ["organization_id", "partnership_id", "activity_id", "ordinal"]
        try await fill(
            "activities",
            [
                "organization_id", "partnership_id", "id", "ordinal", "title", "start_date", "end_date",
                "start_earliest", "start_latest", "kind", "host", "initiator", "is_public",
            ]
        ) { insert in
            for item in activities {
                let activity = item.value
                try await insert(
                    owner(item) + [
                        activity.id, item.ordinal, activity.title, activity.start.description,
                        activity.end?.description,
                        activity.start.earliestDay?.description, activity.start.latestDay?.description,
                        activity.kind.rawValue, activity.host?.rawValue, activity.initiator?.rawValue,
                        activity.isPublic,
                    ])
            }
        }
        for (table, column, values) in [
            ("activity_areas", "area", \Activity.areas),
            ("activity_fulfils", "obligation_id", \Activity.fulfils),
            ("activity_documents", "document_id", \Activity.documents),
        ] {
            try await eachActivity(activities, table, activityKey + [column]) { item, activity, insert in
                for (ordinal, value) in activity[keyPath: values].enumerated() {
                    try await insert(owner(item) + [activity.id, ordinal, value])
                }
            }
        }
        try await insertActivityPeopleAndMeans(activities, activityKey)
        try await insertActivityResults(activities, activityKey)
    }

    /// Who took part in each activity, what each side bore, and what each side gained.
    private func insertActivityPeopleAndMeans(_ activities: [Owned<Activity>], _ activityKey: [String]) async throws {
        try await eachActivity(
            activities,
            "activity_participants", activityKey + ["side", "participant_group", "role", "head_count"]
        ) { item, activity, insert in
            for (ordinal, participant) in activity.participants.enumerated() {
                try await insert(
                    owner(item) + [
                        activity.id, ordinal, participant.side.rawValue, participant.group.rawValue,
                        participant.role.rawValue, participant.count,
                    ])
            }
        }
        try await eachActivity(activities, "activity_costs", activityKey + ["side", "amount", "currency", "kind"]) {
            item, activity, insert in
            for (ordinal, cost) in activity.costs.enumerated() {
                try await insert(
                    owner(item) + [
                        activity.id, ordinal, cost.side.rawValue, cost.amount, cost.currency, cost.kind.rawValue,
                    ])
            }
        }
        try await eachActivity(activities, "activity_benefits", activityKey + ["beneficiary", "kind", "description"]) {
            item, activity, insert in
            for (ordinal, benefit) in activity.benefits.enumerated() {
                try await insert(
                    owner(item) + [
                        activity.id, ordinal, benefit.to.rawValue, benefit.kind.rawValue, benefit.description,
                    ])
            }
        }
    }

    /// What came of each activity, and the documents that evidence each result.
    private func insertActivityResults(_ activities: [Owned<Activity>], _ activityKey: [String]) async throws {
        try await eachActivity(
            activities,
            "activity_results",
            activityKey + [
                "kind", "directness", "description", "planned", "delivered", "quantity_value", "quantity_unit",
                "sustained",
            ]
        ) { item, activity, insert in
            for (ordinal, result) in activity.results.enumerated() {
                try await insert(
                    owner(item) + [
                        activity.id, ordinal, result.kind.rawValue, result.directness.rawValue, result.description,
                        result.planned, result.delivered, result.quantity?.value, result.quantity?.unit,
                        result.sustained,
                    ])
            }
        }
        try await eachActivity(
            activities,
            "result_evidence",
            ["organization_id", "partnership_id", "activity_id", "result_ordinal", "ordinal", "document_id"]
        ) { item, activity, insert in
            for (resultOrdinal, result) in activity.results.enumerated() {
                for (ordinal, document) in result.evidence.enumerated() {
                    try await insert(owner(item) + [activity.id, resultOrdinal, ordinal, document])
                }
            }
        }
    }

    /// Assessments with their evidence.
    func insertAssessments(_ assessments: [Owned<Assessment>]) async throws {
        try await fill(
            "assessments",
            ["organization_id", "partnership_id", "ordinal", "element", "status", "assessed_by", "assessed_on", "note"]
        ) { insert in
            for item in assessments {
                let assessment = item.value
                try await insert(
                    owner(item) + [
                        item.ordinal, assessment.element.rawValue, assessment.status.rawValue, assessment.by,
                        assessment.date.description, assessment.note,
                    ])
            }
        }
        try await fill(
            "assessment_evidence",
            ["organization_id", "partnership_id", "assessment_ordinal", "ordinal", "document_id", "quote"]
        ) { insert in
            for item in assessments {
                for (ordinal, evidence) in item.value.evidence.enumerated() {
                    try await insert(owner(item) + [item.ordinal, ordinal, evidence.document, evidence.quote])
                }
            }
        }
    }

    // MARK: - Helpers

    typealias Row = [(any Encodable & Sendable)?]

    private func owner<T>(_ item: Owned<T>) -> Row {
        [organizationID, item.partnershipID]
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
        _ activities: [Owned<Activity>], _ table: String, _ columns: [String],
        _ rows: (Owned<Activity>, Activity, _ insert: RowSink) async throws -> Void
    ) async throws {
        try await fill(table, columns) { insert in
            for item in activities {
                try await rows(item, item.value, insert)
            }
        }
    }

}

/// A record of a partnership with the ordinal that orders it among its kind.
struct Owned<T> {
    let partnershipID: String
    let ordinal: Int
    let value: T
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
