import Foundation
import KembarCore
import SQLKit

/// Activities entered by partner cities: kept apart from the record until an officer of the
/// home government confirms them (then they join it, with who entered and who confirmed them in
/// the audit log) or returns them with a reason.
public struct PartnerSubmissionStore: Sendable {
    public let database: any KembarDatabase

    public init(database: any KembarDatabase) {
        self.database = database
    }

    @discardableResult
    public func submit(
        activityJSON: String, title: String, organizationID: String, partnershipID: String, enteredBy: String
    ) async throws -> Int {
        try await database.write { sql in
            let row = try await sql.insert(into: "partner_submissions")
                .columns(
                    "organization_id", "partnership_id", "activity", "title", "entered_by", "entered_at", "status"
                )
                .values(
                    SQLBind(organizationID), SQLBind(partnershipID), SQLBind(activityJSON), SQLBind(title),
                    SQLBind(enteredBy), SQLBind(Timestamp.now()), SQLBind(DecisionStatus.pending.rawValue)
                )
                .returning("id").first()
            let id = try row?.integer("id") ?? 0
            try await AuditLog.append(
                AuditEntry(
                    actor: enteredBy, action: "create", organizationID: organizationID, partnershipID: partnershipID,
                    entity: "partner-activity", entityID: String(id),
                    summary: "partner entered activity \"\(title)\" for confirmation", after: activityJSON),
                to: sql)
            try await DataRevision.raise(
                sql, [.partnership(organizationID: organizationID, partnershipID: partnershipID)])
            return id
        }
    }

    /// A partnership's submissions, newest first.
    public func submissions(organizationID: String, partnershipID: String) async throws -> [PartnerSubmission] {
        try await database.read { sql in
            try await DecisionTable.partnerSubmissions.rows(
                organizationID: organizationID, partnershipID: partnershipID, sql
            ).map { try $0.submission() }
        }
    }

    /// How many wait for a decision in a government, or in all of them when `organizationID` is nil.
    public func pendingTotal(organizationID: String?) async throws -> Int {
        try await database.read { sql in
            try await DecisionTable.partnerSubmissions.pendingTotal(organizationID: organizationID, sql)
        }
    }

    /// How many wait for a decision in each partnership of a government (none: left out).
    public func pendingByPartnership(organizationID: String) async throws -> [String: Int] {
        try await database.read { sql in
            try await DecisionTable.partnerSubmissions.pendingByPartnership(organizationID: organizationID, sql)
        }
    }

    /// How many of a partnership's submissions wait for confirmation.
    public func pendingCount(organizationID: String, partnershipID: String) async throws -> Int {
        try await database.read { sql in
            try await DecisionTable.partnerSubmissions.pendingCount(
                organizationID: organizationID, partnershipID: partnershipID, sql)
        }
    }

    public func submission(id: Int, organizationID: String, partnershipID: String) async throws -> PartnerSubmission? {
        try await database.read { sql in
            try await DecisionTable.partnerSubmissions.row(
                id: id, organizationID: organizationID, partnershipID: partnershipID, sql)?.submission()
        }
    }

    /// Confirms a pending submission: its activity is added to the partnership as it is stored
    /// now, checked with it, and the submission marked accepted, in one transaction. An activity
    /// that no longer fits the partnership (its id taken since, an obligation it fulfils removed)
    /// is refused with ``StoreError/invalidRecord(_:)`` and nothing is written.
    public func confirm(id: Int, organizationID: String, partnershipID: String, actor: String) async throws {
        try await database.write { sql in
            let submission = try await DecisionTable.partnerSubmissions.pendingRow(
                id: id, organizationID: organizationID, partnershipID: partnershipID, sql
            ).submission()
            let stored = try await RecordStore.existingPartnership(
                organizationID: organizationID, id: partnershipID, sql)
            let path = "$.partnerships[0].activities[\(stored.partnership.activities.count)]"
            let activity: Activity
            do {
                activity = try RecordDecoder.activity(try JSONParser.parse(submission.activityJSON), path: path)
            } catch let error as RecordValidationError {
                throw StoreError.invalidRecord(error.issues)
            }
            var partnership = stored.partnership
            partnership.activities.append(activity)
            try await RecordStore.savePartnership(
                partnership, organizationID: organizationID, replacing: partnershipID,
                partner: .existing(stored.partnerID),
                change: Change(
                    actor: actor, action: "create", entity: "activity", entityID: activity.id,
                    partnershipID: partnershipID,
                    summary: Self.confirmationSummary(activityID: activity.id, enteredBy: submission.enteredBy),
                    after: submission.activityJSON),
                previous: stored, sql)
            try await DecisionTable.partnerSubmissions.record(.accepted, id: id, reason: nil, actor: actor, sql)
        }
    }

    /// The audit summary of a confirmation, which names who entered the activity; read back by
    /// ``enteredBy(confirmation:)`` so that the record can show who entered what.
    static func confirmationSummary(activityID: String, enteredBy: String) -> String {
        "confirmed activity \(activityID) entered by \(enteredBy)"
    }

    /// Who entered a confirmed activity, from its confirmation's audit summary (nil for any other entry).
    public static func enteredBy(confirmation summary: String) -> String? {
        guard summary.hasPrefix("confirmed activity "), let range = summary.range(of: " entered by ") else {
            return nil
        }
        return String(summary[range.upperBound...])
    }

    public func decline(id: Int, organizationID: String, partnershipID: String, reason: String, actor: String)
        async throws
    {
        try await database.write { sql in
            let submission = try await DecisionTable.partnerSubmissions.pendingRow(
                id: id, organizationID: organizationID, partnershipID: partnershipID, sql
            ).submission()
            try await DecisionTable.partnerSubmissions.record(.declined, id: id, reason: reason, actor: actor, sql)
            try await AuditLog.append(
                AuditEntry(
                    actor: actor, action: "update", organizationID: organizationID, partnershipID: partnershipID,
                    entity: "partner-activity", entityID: String(id),
                    summary: "returned activity \"\(submission.title)\" entered by \(submission.enteredBy)",
                    before: "pending", after: "declined: \(reason)"),
                to: sql)
            try await DataRevision.raise(
                sql, [.partnership(organizationID: organizationID, partnershipID: partnershipID)])
        }
    }
}

extension SQLRow {
    func submission() throws -> PartnerSubmission {
        let statusText = try text("status")
        guard let status = DecisionStatus(rawValue: statusText) else {
            throw StoreError.corruptValue(table: "partner_submissions", column: "status", value: statusText)
        }
        return PartnerSubmission(
            id: try integer("id"), organizationID: try text("organization_id"),
            partnershipID: try text("partnership_id"), activityJSON: try text("activity"), title: try text("title"),
            enteredBy: try text("entered_by"), enteredAt: try text("entered_at"), status: status,
            reason: try optionalText("reason"), decidedBy: try optionalText("decided_by"),
            decidedAt: try optionalText("decided_at"))
    }
}
