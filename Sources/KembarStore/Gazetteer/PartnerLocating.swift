import KembarCore
import SQLKit

/// What `kembar partners locate` did: the partners it placed, and the ones it left for a person.
public struct LocatingSummary: Sendable {
    public var placed: [(partner: Partner, city: GazetteerCity)] = []
    public var left: [(partner: Partner, location: PartnerLocation)] = []
}

extension GazetteerStore {
    /// Gives the partners of `organizationID` that have no coordinates those of the one city they
    /// name (``PartnerLocation``), in one transaction with one audit entry; nothing is written
    /// with `dryRun`.
    public func locatePartners(organizationID: String, actor: String, dryRun: Bool) async throws -> LocatingSummary {
        let work: @Sendable (any SQLDatabase) async throws -> LocatingSummary = { sql in
            guard
                try await sql.select().column("id").from("organizations")
                    .where("id", .equal, SQLBind(organizationID)).first() != nil
            else { throw StoreError.organizationNotFound(organizationID) }
            var summary = LocatingSummary()
            let rows = try await sql.select().column("*").from("partners")
                .where("organization_id", .equal, SQLBind(organizationID)).orderBy("name").all()
            for row in rows {
                let partner = try row.partner()
                guard partner.coordinate == nil else { continue }
                var candidates: [GazetteerCity] = []
                for name in PartnerLocation.names(of: partner) where candidates.isEmpty {
                    candidates = try await Self.named(name, country: partner.country, sql)
                }
                let location = PartnerLocation.judge(partner, candidates: candidates)
                guard case .found(let city) = location else {
                    summary.left.append((partner, location))
                    continue
                }
                summary.placed.append((partner, city))
                if !dryRun {
                    try await sql.update("partners").set("lat", to: SQLBind(city.coordinate.latitude))
                        .set("lon", to: SQLBind(city.coordinate.longitude))
                        .where("organization_id", .equal, SQLBind(organizationID))
                        .where("id", .equal, SQLBind(try row.decode(column: "id", as: String.self))).run()
                }
            }
            if !dryRun, !summary.placed.isEmpty {
                try await RecordStore.audit(
                    Change(
                        actor: actor, action: "update", entity: "partner", entityID: organizationID,
                        summary:
                            "placed \(summary.placed.count) partners on the map from the gazetteer: "
                            + summary.placed.map { "\($0.partner.name) (\($0.city.name), \($0.city.country))" }
                            .joined(separator: ", ")),
                    organizationID: organizationID, timestamp: Timestamp.now(), scopes: [.organization(organizationID)],
                    sql)
            }
            return summary
        }
        return try await dryRun ? database.read(work) : database.write(work)
    }
}
