import Foundation
import KembarCore
import SQLKit

/// Community proposals: taken from the public, reviewed by officers, accepted into the record as
/// a planned activity or declined with a reason.
public struct ProposalStore: Sendable {
    public let database: any KembarDatabase
    /// How many proposals one address may send in an hour: enough for a school's class, too few
    /// for a script.
    public var hourlyLimitPerAddress = 5

    public init(database: any KembarDatabase) {
        self.database = database
    }

    /// Keeps a proposal for review, unless its address has sent too many within the hour.
    @discardableResult
    public func submit(
        _ draft: Proposal.Draft, organizationID: String, partnershipID: String, from address: String,
        now: Date = Date()
    ) async throws -> Int {
        let limit = hourlyLimitPerAddress
        return try await database.write { sql in
            let since = Timestamp.string(now.addingTimeInterval(-3600))
            let recent =
                try await sql.raw(
                    "SELECT COUNT(*) AS n FROM proposals WHERE submitted_from = \(bind: address) AND submitted_at > \(bind: since)"
                ).first()?.decode(column: "n", as: Int.self) ?? 0
            guard recent < limit else { throw ParticipationError.tooManyFromAddress(limit: limit) }
            guard
                try await sql.select().column("id").from("partnerships")
                    .where("organization_id", .equal, SQLBind(organizationID))
                    .where("id", .equal, SQLBind(partnershipID)).first() != nil
            else { throw StoreError.partnershipNotFound(partnershipID) }
            let inserted = try await sql.insert(into: "proposals")
                .columns(
                    "organization_id", "partnership_id", "proposer_name", "proposer_organization", "proposer_group",
                    "contact", "idea", "area", "status", "submitted_at", "submitted_from"
                )
                .values(
                    SQLBind(organizationID), SQLBind(partnershipID), SQLBind(draft.proposerName),
                    SQLBind.orNull(draft.proposerOrganization), SQLBind(draft.group.rawValue),
                    SQLBind(draft.contact), SQLBind(draft.idea), SQLBind.orNull(draft.area),
                    SQLBind(DecisionStatus.pending.rawValue), SQLBind(Timestamp.string(now)), SQLBind(address)
                )
                .returning("id").first()
            let id = try inserted?.integer("id") ?? 0
            try await AuditLog.append(
                AuditEntry(
                    actor: "public: \(draft.proposerName)", action: "create", organizationID: organizationID,
                    partnershipID: partnershipID, entity: "proposal", entityID: String(id),
                    summary: "proposal received from \(draft.proposerName)", after: draft.idea),
                to: sql)
            try await DataRevision.raise(
                sql, [.partnership(organizationID: organizationID, partnershipID: partnershipID)])
            return id
        }
    }

    /// The proposals of a partnership, newest first.
    public func proposals(organizationID: String, partnershipID: String) async throws -> [Proposal] {
        try await database.read { sql in
            try await DecisionTable.proposals.rows(organizationID: organizationID, partnershipID: partnershipID, sql)
                .map { try $0.proposal() }
        }
    }

    /// How many wait for a decision in a government, or in all of them when `organizationID` is nil.
    public func pendingTotal(organizationID: String?) async throws -> Int {
        try await database.read { sql in
            try await DecisionTable.proposals.pendingTotal(organizationID: organizationID, sql)
        }
    }

    /// How many wait for a decision in each partnership of a government (none: left out).
    public func pendingByPartnership(organizationID: String) async throws -> [String: Int] {
        try await database.read { sql in
            try await DecisionTable.proposals.pendingByPartnership(organizationID: organizationID, sql)
        }
    }

    /// How many proposals for a partnership wait for review.
    public func pendingCount(organizationID: String, partnershipID: String) async throws -> Int {
        try await database.read { sql in
            try await DecisionTable.proposals.pendingCount(
                organizationID: organizationID, partnershipID: partnershipID, sql)
        }
    }

    public func proposal(id: Int, organizationID: String, partnershipID: String) async throws -> Proposal? {
        try await database.read { sql in
            try await DecisionTable.proposals.row(
                id: id, organizationID: organizationID, partnershipID: partnershipID, sql)?.proposal()
        }
    }

    /// Accepts a pending proposal: `activity`, the planned activity made of it, is added to the
    /// partnership as it is stored now and the proposal marked accepted, in one transaction.
    /// The activity's id is made unused here, in case the partnership gained one like it since.
    /// Returns the id the activity was saved under.
    @discardableResult
    public func accept(
        id: Int, activity: Activity, organizationID: String, partnershipID: String, actor: String
    ) async throws -> String {
        try await database.write { sql in
            let proposal = try await DecisionTable.proposals.pendingRow(
                id: id, organizationID: organizationID, partnershipID: partnershipID, sql
            ).proposal()
            let stored = try await RecordStore.existingPartnership(
                organizationID: organizationID, id: partnershipID, sql)
            var activity = activity
            activity.id = Slug.unused(activity.id, avoiding: Set(stored.partnership.activities.map(\.id)))
            let activityID = activity.id
            var partnership = stored.partnership
            partnership.activities.append(activity)
            try await RecordStore.savePartnership(
                partnership, organizationID: organizationID, replacing: partnershipID,
                partner: .existing(stored.partnerID),
                change: Change(
                    actor: actor, action: "create", entity: "activity", entityID: activityID,
                    partnershipID: partnershipID,
                    summary: "added planned activity \(activityID) from proposal \(id) by \(proposal.proposerName)",
                    after: JSONWriter.string(RecordEncoder.value(activity))),
                previous: stored, sql)
            try await DecisionTable.proposals.record(
                .accepted, id: id, reason: nil, actor: actor, also: [("activity_id", SQLBind(activityID))], sql)
            return activityID
        }
    }

    public func decline(id: Int, organizationID: String, partnershipID: String, reason: String, actor: String)
        async throws
    {
        try await database.write { sql in
            let proposal = try await DecisionTable.proposals.pendingRow(
                id: id, organizationID: organizationID, partnershipID: partnershipID, sql
            ).proposal()
            try await DecisionTable.proposals.record(.declined, id: id, reason: reason, actor: actor, sql)
            try await AuditLog.append(
                AuditEntry(
                    actor: actor, action: "update", organizationID: organizationID, partnershipID: partnershipID,
                    entity: "proposal", entityID: String(id),
                    summary: "declined proposal \(id) by \(proposal.proposerName)", before: "pending",
                    after: "declined: \(reason)"),
                to: sql)
            try await DataRevision.raise(
                sql, [.partnership(organizationID: organizationID, partnershipID: partnershipID)])
        }
    }
}

extension SQLRow {
    func proposal() throws -> Proposal {
        let groupText = try text("proposer_group")
        let statusText = try text("status")
        guard let group = Participant.Group(rawValue: groupText) else {
            throw StoreError.corruptValue(table: "proposals", column: "proposer_group", value: groupText)
        }
        guard let status = DecisionStatus(rawValue: statusText) else {
            throw StoreError.corruptValue(table: "proposals", column: "status", value: statusText)
        }
        return Proposal(
            id: try integer("id"), organizationID: try text("organization_id"),
            partnershipID: try text("partnership_id"),
            proposerName: try text("proposer_name"), proposerOrganization: try optionalText("proposer_organization"),
            group: group, contact: try text("contact"), idea: try text("idea"), area: try optionalText("area"),
            status: status, reason: try optionalText("reason"), activityID: try optionalText("activity_id"),
            submittedAt: try text("submitted_at"), decidedBy: try optionalText("decided_by"),
            decidedAt: try optionalText("decided_at"))
    }
}
