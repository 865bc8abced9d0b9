import KembarCore
import SQLKit

/// One line of the portfolio: a partnership with what a list of them needs to show.
public struct PartnershipSummary: Hashable, Sendable {
    public var organizationID: String
    public var organizationName: String
    public var id: String
    public var kind: Partnership.Kind
    public var partnerName: String
    public var partnerNativeName: String?
    public var partnerCountry: String
    public var partnerKind: Partner.Kind
    public var activityCount: Int
    /// The start of the most recent activity, as recorded.
    public var lastActivity: PartialDate?
}

/// Reads the portfolio of partnerships without loading whole records.
public enum PortfolioQuery {
    /// Every partnership of every organization (or of one), in each organization's own order.
    public static func partnerships(
        in database: any KembarDatabase, organizationID: String? = nil
    ) async throws -> [PartnershipSummary] {
        try await database.read { sql in
            var query = SQLQueryString(
                """
                SELECT p.organization_id, o.name AS organization_name, p.id, p.kind,
                    pr.name AS partner_name, pr.native_name AS partner_native_name, pr.country AS partner_country,
                    pr.kind AS partner_kind,
                    (SELECT COUNT(*) FROM activities a
                        WHERE a.organization_id = p.organization_id AND a.partnership_id = p.id) AS activity_count,
                    (SELECT a.start_date FROM activities a
                        WHERE a.organization_id = p.organization_id AND a.partnership_id = p.id
                        ORDER BY COALESCE(a.start_latest, a.start_earliest) DESC LIMIT 1) AS last_activity
                FROM partnerships p
                JOIN organizations o ON o.id = p.organization_id
                JOIN partners pr ON pr.organization_id = p.organization_id AND pr.id = p.partner_id
                """)
            if let organizationID {
                query.appendInterpolation(unsafeRaw: " WHERE p.organization_id = ")
                query.appendInterpolation(bind: organizationID)
            }
            query.appendInterpolation(unsafeRaw: " ORDER BY o.name, p.organization_id, p.ordinal")
            return try await sql.raw(query).all().map { row in
                PartnershipSummary(
                    organizationID: try row.text("organization_id"),
                    organizationName: try row.text("organization_name"),
                    id: try row.text("id"), kind: try row.value("kind", table: "partnerships"),
                    partnerName: try row.text("partner_name"),
                    partnerNativeName: try row.optionalText("partner_native_name"),
                    partnerCountry: try row.text("partner_country"),
                    partnerKind: try row.value("partner_kind", table: "partners"),
                    activityCount: try row.integer("activity_count"),
                    lastActivity: try row.optionalDate("last_activity", table: "activities"))
            }
        }
    }
}
