import KembarCore
import SQLKit
import Synchronization

/// Reads one organization's whole record back into a ``CooperationRecord``.
///
/// One query per table, each ordered so that rows arrive grouped by their owner and in the order
/// they were written; the caller provides a snapshot so the tables agree with each other.
struct RecordReader {
    let sql: any SQLDatabase
    let organizationID: String
    /// When set, only this partnership is read.
    var partnershipID: String?
    /// When false, documents come without their text (caches keep none).
    var documentText = true

    /// The record, and the id of each partnership's partner row.
    struct Result {
        let record: CooperationRecord
        let partnerIDs: [String: String]
    }

    func read() async throws -> CooperationRecord? {
        try await readWithPartners()?.record
    }

    func readWithPartners() async throws -> Result? {
        guard
            let row = try await sql.select().column("*").from("organizations")
                .where("id", .equal, SQLBind(organizationID)).first()
        else { return nil }
        // Rows are decoded as they arrive and grouped by owner; nothing holds a whole table of rows.
        let organization = try row.organization()

        let partners = Dictionary(
            uniqueKeysWithValues: try await decodeRows("partners", orderBy: ["id"]) { row in
                (try row.text("id"), try row.partner())
            })

        let stages = try await grouped("stage_events") { row in
            StageEvent(
                stage: try row.value("stage", table: "stage_events"),
                date: try row.date("happened_on", table: "stage_events"), note: try row.optionalText("note"))
        }
        let agreements = try await readAgreements()
        let obligations = try await readObligations()
        let documents = try await readDocuments()
        let activities = try await readActivities()
        let assessments = try await readAssessments()

        let rows = try await decodeRows("partnerships", orderBy: ["ordinal"]) { row in
            let id = try row.text("id")
            let partnerID = try row.text("partner_id")
            guard let partner = partners[partnerID] else {
                throw StoreError.corruptValue(table: "partnerships", column: "partner_id", value: partnerID)
            }
            return (
                partnerID,
                Partnership(
                    id: id, kind: try row.value("kind", table: "partnerships"), partner: partner,
                    stages: stages[id] ?? [], agreements: agreements[id] ?? [], obligations: obligations[id] ?? [],
                    activities: activities[id] ?? [], documents: documents[id] ?? [], assessments: assessments[id] ?? []
                )
            )
        }
        return Result(
            record: CooperationRecord(organization: organization, partnerships: rows.map(\.1)),
            partnerIDs: Dictionary(uniqueKeysWithValues: rows.map { ($0.1.id, $0.0) }))
    }

    private func readObligations() async throws -> [String: [Obligation]] {
        try await grouped("obligations") { row in
            Obligation(
                id: try row.text("id"), agreement: try row.text("agreement_id"), title: try row.text("title"),
                every: try row.value("recurrence", table: "obligations"),
                from: try row.date("due_from", table: "obligations"),
                until: try row.optionalDate("due_until", table: "obligations"),
                alternateHost: try row.optionalFlag("alternate_host"))
        }
    }

    /// The documents, with their text only when asked for (pages never show it whole).
    private func readDocuments() async throws -> [String: [Document]] {
        let documentText = self.documentText
        let documentColumns =
            documentText
            ? ["*"]
            : [
                "partnership_id", "ordinal", "id", "title", "kind", "document_date", "language", "source",
            ]
        return try await grouped("documents", columns: documentColumns) { row in
            Document(
                id: try row.text("id"), title: try row.text("title"), kind: try row.value("kind", table: "documents"),
                date: try row.optionalDate("document_date", table: "documents"),
                language: try row.optionalText("language"),
                source: try row.optionalText("source"), text: documentText ? try row.optionalText("body") : nil)
        }
    }

    private func readAgreements() async throws -> [String: [Agreement]] {
        let signatories = try await groupedByOwner("agreement_signatories", owner: "agreement_id") { row in
            Signatory(
                side: try row.value("side", table: "agreement_signatories"), name: try row.text("name"),
                title: try row.optionalText("title"))
        }
        let areas = try await groupedByOwner("agreement_areas", owner: "agreement_id") { try $0.text("area") }
        let objectives = try await groupedByOwner("agreement_objectives", owner: "agreement_id") {
            try $0.text("objective")
        }
        let clauses = try await groupedByOwner("agreement_clauses", owner: "agreement_id") { try $0.text("clause") }
        return try await grouped("agreements") { row in
            let key = OwnerKey(partnership: try row.text("partnership_id"), owner: try row.text("id"))
            return Agreement(
                id: key.owner, type: try row.value("type", table: "agreements"),
                signed: try row.date("signed_on", table: "agreements"),
                validFrom: try row.optionalDate("valid_from", table: "agreements"),
                validUntil: try row.optionalDate("valid_until", table: "agreements"),
                supersedes: try row.optionalText("supersedes"), signatories: signatories[key] ?? [],
                areas: areas[key] ?? [], objectives: objectives[key] ?? [], clauses: clauses[key] ?? [])
        }
    }

    /// The results of every activity, each with the documents that evidence it.
    private func readResults() async throws -> [OwnerKey: [ActivityResult]] {
        let evidence = Dictionary(
            grouping: try await decodeRows(
                "result_evidence", orderBy: ["partnership_id", "activity_id", "result_ordinal", "ordinal"]
            ) { row in
                (
                    ResultKey(
                        owner: OwnerKey(
                            partnership: try row.text("partnership_id"), owner: try row.text("activity_id")),
                        ordinal: try row.integer("result_ordinal")),
                    try row.text("document_id")
                )
            },
            by: \.0
        ).mapValues { $0.map(\.1) }
        return try await groupedByOwner("activity_results", owner: "activity_id") { row in
            let key = ResultKey(
                owner: OwnerKey(partnership: try row.text("partnership_id"), owner: try row.text("activity_id")),
                ordinal: try row.integer("ordinal"))
            let quantity: Quantity? =
                if let value = try row.optionalDouble("quantity_value"),
                    let unit = try row.optionalText("quantity_unit")
                {
                    Quantity(value: value, unit: unit)
                } else { nil }
            return ActivityResult(
                kind: try row.value("kind", table: "activity_results"),
                directness: try row.value("directness", table: "activity_results"),
                description: try row.text("description"), planned: try row.optionalFlag("planned"),
                delivered: try row.optionalFlag("delivered"), quantity: quantity, evidence: evidence[key] ?? [],
                sustained: try row.optionalFlag("sustained"))
        }
    }

    private func readActivities() async throws -> [String: [Activity]] {
        let owner = "activity_id"
        let areas = try await groupedByOwner("activity_areas", owner: owner) { try $0.text("area") }
        let fulfils = try await groupedByOwner("activity_fulfils", owner: owner) { try $0.text("obligation_id") }
        let documents = try await groupedByOwner("activity_documents", owner: owner) { try $0.text("document_id") }
        let participants = try await groupedByOwner("activity_participants", owner: owner) { row in
            Participant(
                side: try row.value("side", table: "activity_participants"),
                group: try row.value("participant_group", table: "activity_participants"),
                role: try row.value("role", table: "activity_participants"),
                count: try row.optionalInteger("head_count"))
        }
        let costs = try await groupedByOwner("activity_costs", owner: owner) { row in
            Cost(
                side: try row.value("side", table: "activity_costs"), amount: try row.double("amount"),
                currency: try row.text("currency"), kind: try row.value("kind", table: "activity_costs"))
        }
        let benefits = try await groupedByOwner("activity_benefits", owner: owner) { row in
            Benefit(
                to: try row.value("beneficiary", table: "activity_benefits"),
                kind: try row.value("kind", table: "activity_benefits"),
                description: try row.optionalText("description"))
        }
        let results = try await readResults()
        return try await grouped("activities") { row in
            let key = OwnerKey(partnership: try row.text("partnership_id"), owner: try row.text("id"))
            return Activity(
                id: key.owner, title: try row.text("title"), start: try row.date("start_date", table: "activities"),
                end: try row.optionalDate("end_date", table: "activities"),
                kind: try row.value("kind", table: "activities"),
                areas: areas[key] ?? [], host: try row.optionalValue("host", table: "activities"),
                initiator: try row.optionalValue("initiator", table: "activities"), fulfils: fulfils[key] ?? [],
                participants: participants[key] ?? [], costs: costs[key] ?? [], benefits: benefits[key] ?? [],
                results: results[key] ?? [], isPublic: try row.flag("is_public"), documents: documents[key] ?? [])
        }
    }

    private func readAssessments() async throws -> [String: [Assessment]] {
        let evidence = Dictionary(
            grouping: try await decodeRows(
                "assessment_evidence", orderBy: ["partnership_id", "assessment_ordinal", "ordinal"]
            ) { row in
                (
                    ResultKey(
                        owner: OwnerKey(partnership: try row.text("partnership_id"), owner: ""),
                        ordinal: try row.integer("assessment_ordinal")),
                    Evidence(document: try row.text("document_id"), quote: try row.text("quote"))
                )
            },
            by: \.0
        ).mapValues { $0.map(\.1) }
        return try await grouped("assessments") { row in
            let key = ResultKey(
                owner: OwnerKey(partnership: try row.text("partnership_id"), owner: ""),
                ordinal: try row.integer("ordinal"))
            return Assessment(
                element: try row.value("element", table: "assessments"),
                status: try row.value("status", table: "assessments"), by: try row.text("assessed_by"),
                date: try row.date("assessed_on", table: "assessments"), note: try row.text("note"),
                evidence: evidence[key] ?? [])
        }
    }

    // MARK: - Helpers

    private struct OwnerKey: Hashable, Sendable {
        let partnership: String
        let owner: String
    }

    private struct ResultKey: Hashable, Sendable {
        let owner: OwnerKey
        let ordinal: Int
    }

    /// Decodes every row of one table of the organization as it arrives, without keeping the rows.
    private func decodeRows<T: Sendable>(
        _ table: String, columns selected: [String] = ["*"], orderBy columns: [String],
        _ make: @escaping @Sendable (any SQLRow) throws -> T
    ) async throws -> [T] {
        var query = sql.select().columns(
            selected.map { $0 == "*" ? SQLLiteral.all as any SQLExpression : SQLColumn($0) }
        ).from(table)
            .where("organization_id", .equal, SQLBind(organizationID))
        if let partnershipID, table != "partners" {
            query = query.where(table == "partnerships" ? "id" : "partnership_id", .equal, SQLBind(partnershipID))
        }
        for column in columns { query = query.orderBy(column) }
        let collected = Mutex<(items: [T], error: (any Error)?)>(([], nil))
        try await query.run { row in
            collected.withLock { state in
                guard state.error == nil else { return }
                do {
                    state.items.append(try make(row))
                } catch {
                    state.error = error
                }
            }
        }
        let (items, error) = collected.withLock { ($0.items, $0.error) }
        if let error { throw error }
        return items
    }

    /// Rows of a table owned directly by a partnership, grouped by partnership in stored order.
    private func grouped<T: Sendable>(
        _ table: String, columns: [String] = ["*"], _ make: @escaping @Sendable (any SQLRow) throws -> T
    ) async throws -> [String: [T]] {
        let pairs = try await decodeRows(table, columns: columns, orderBy: ["partnership_id", "ordinal"]) { row in
            (try row.text("partnership_id"), try make(row))
        }
        return Dictionary(grouping: pairs, by: \.0).mapValues { $0.map(\.1) }
    }

    /// Rows of a table owned by an agreement or activity, grouped by that owner in stored order.
    private func groupedByOwner<T: Sendable>(
        _ table: String, owner: String, _ make: @escaping @Sendable (any SQLRow) throws -> T
    ) async throws -> [OwnerKey: [T]] {
        let pairs = try await decodeRows(table, orderBy: ["partnership_id", owner, "ordinal"]) { row in
            (OwnerKey(partnership: try row.text("partnership_id"), owner: try row.text(owner)), try make(row))
        }
        return Dictionary(grouping: pairs, by: \.0).mapValues { $0.map(\.1) }
    }
}
