import SQLKit

/// What proposals and partner entries share: rows of one partnership that wait, are listed and
/// counted, and are decided once — accepted, or declined with a reason — by someone, at a time.
struct DecisionTable: Sendable {
    let name: String

    static let proposals = DecisionTable(name: "proposals")
    static let partnerSubmissions = DecisionTable(name: "partner_submissions")

    /// A partnership's rows, newest first.
    func rows(organizationID: String, partnershipID: String, _ sql: any SQLDatabase) async throws -> [any SQLRow] {
        try await sql.select().column("*").from(name)
            .where("organization_id", .equal, SQLBind(organizationID))
            .where("partnership_id", .equal, SQLBind(partnershipID))
            .orderBy("id", .descending).all()
    }

    func row(id: Int, organizationID: String, partnershipID: String, _ sql: any SQLDatabase) async throws
        -> (any SQLRow)?
    {
        try await sql.select().column("*").from(name).where("id", .equal, SQLBind(id))
            .where("organization_id", .equal, SQLBind(organizationID))
            .where("partnership_id", .equal, SQLBind(partnershipID)).first()
    }

    /// The row when it still waits for a decision; otherwise why it cannot be decided.
    func pendingRow(id: Int, organizationID: String, partnershipID: String, _ sql: any SQLDatabase) async throws
        -> any SQLRow
    {
        guard let row = try await row(id: id, organizationID: organizationID, partnershipID: partnershipID, sql) else {
            throw ParticipationError.notFound
        }
        guard try row.text("status") == DecisionStatus.pending.rawValue else {
            throw ParticipationError.alreadyDecided
        }
        return row
    }

    func pendingCount(organizationID: String, partnershipID: String, _ sql: any SQLDatabase) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(name)
            .where("organization_id", .equal, SQLBind(organizationID))
            .where("partnership_id", .equal, SQLBind(partnershipID))
            .where("status", .equal, SQLBind(DecisionStatus.pending.rawValue))
            .first()?.integer("n") ?? 0
    }

    /// How many rows wait in a government, or in every government when `organizationID` is nil.
    func pendingTotal(organizationID: String?, _ sql: any SQLDatabase) async throws -> Int {
        var query = sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(name)
            .where("status", .equal, SQLBind(DecisionStatus.pending.rawValue))
        if let organizationID { query = query.where("organization_id", .equal, SQLBind(organizationID)) }
        return try await query.first()?.integer("n") ?? 0
    }

    /// How many rows wait in each partnership of an organization (those with none are left out).
    func pendingByPartnership(organizationID: String, _ sql: any SQLDatabase) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        let rows = try await sql.select().column("partnership_id")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(name)
            .where("organization_id", .equal, SQLBind(organizationID))
            .where("status", .equal, SQLBind(DecisionStatus.pending.rawValue))
            .groupBy("partnership_id").all()
        for row in rows { counts[try row.text("partnership_id")] = try row.integer("n") }
        return counts
    }

    func record(
        _ status: DecisionStatus, id: Int, reason: String?, actor: String, also: [(String, any SQLExpression)] = [],
        _ sql: any SQLDatabase
    ) async throws {
        var update = sql.update(name).set("status", to: SQLBind(status.rawValue))
            .set("reason", to: SQLBind.orNull(reason))
            .set("decided_by", to: SQLBind(actor)).set("decided_at", to: SQLBind(Timestamp.now()))
        for (column, value) in also { update = update.set(column, to: value) }
        try await update.where("id", .equal, SQLBind(id)).run()
    }
}
