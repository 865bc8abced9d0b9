import KembarCore
import SQLKit

/// Who else at home works with a country: the governments in Kembar's records with a partner
/// there, and the towns the directory lists as twinned with one of its towns.
public struct CountryPeers: Sendable {
    public struct Government: Sendable, Hashable {
        public var id: String
        public var name: String
        public var partnerships: Int
    }

    public var governments: [Government]
    /// Home towns the directory twins with a town of the country, each once, by name.
    public var directoryTowns: [String]
}

extension DirectoryStore {
    /// The governments of `home` (a country code) other than `excluding` with partnerships in
    /// `country`, and the towns of `home` the directory twins with towns of `country`.
    public func peers(in country: String, home: String, excluding organizationID: String?) async throws
        -> CountryPeers
    {
        try await database.read { sql in
            var governments: [CountryPeers.Government] = []
            for row in try await sql.raw(
                """
                SELECT o.id AS id, o.name AS name, COUNT(*) AS n FROM partnerships p
                JOIN partners r ON r.organization_id = p.organization_id AND r.id = p.partner_id
                JOIN organizations o ON o.id = p.organization_id
                WHERE r.country = \(bind: country) AND o.place_country = \(bind: home)
                AND o.id <> \(bind: organizationID ?? "")
                GROUP BY o.id, o.name ORDER BY o.name
                """
            ).all() {
                governments.append(
                    .init(id: try row.text("id"), name: try row.text("name"), partnerships: try row.integer("n")))
            }
            var towns: Set<String> = []
            for (side, other) in [("1", "2"), ("2", "1")] {
                let rows = try await sql.select().column("name\(side)", as: "town").from("directory_pairs")
                    .where("country\(side)", .equal, SQLBind(home)).where("country\(other)", .equal, SQLBind(country))
                    .all()
                for row in rows { towns.insert(try row.text("town")) }
            }
            return CountryPeers(governments: governments, directoryTowns: towns.sorted())
        }
    }
}
