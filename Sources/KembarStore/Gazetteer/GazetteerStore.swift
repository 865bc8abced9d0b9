import KembarCore
import SQLKit

/// Finds cities in the gazetteer: by the beginning of a name as a person types it, or by a
/// partner's whole name in its country.
public struct GazetteerStore: Sendable {
    public let database: any KembarDatabase

    public init(database: any KembarDatabase) {
        self.database = database
    }

    /// Cities whose name begins with `text` (ignoring case and accents), the most populous first;
    /// only in `country` when given.
    public func search(_ text: String, country: String? = nil, limit: Int = 10) async throws -> [GazetteerCity] {
        let key = MatchKey.of(text)
        guard !key.isEmpty else { return [] }
        return try await database.read { sql in
            // A prefix is a range of keys: from the prefix to the prefix with its last byte raised.
            var query = sql.select().column("*").from("gazetteer_cities")
                .where("search_key", .greaterThanOrEqual, SQLBind(key))
                .where("search_key", .lessThan, SQLBind(key + "\u{10FFFF}"))
            if let country { query = query.where("country", .equal, SQLBind(country)) }
            return try await query.orderBy("population", .descending).orderBy("id").limit(limit).all()
                .map(Self.city)
        }
    }

    /// The cities whose name is exactly `name` (as a key), in `country`.
    public func named(_ name: String, country: String) async throws -> [GazetteerCity] {
        try await database.read { sql in
            try await Self.named(name, country: country, sql)
        }
    }

    static func named(_ name: String, country: String, _ sql: any SQLDatabase) async throws -> [GazetteerCity] {
        try await sql.select().column("*").from("gazetteer_cities")
            .where("country", .equal, SQLBind(country)).where("search_key", .equal, SQLBind(MatchKey.of(name)))
            .orderBy("population", .descending).all().map(Self.city)
    }

    public func city(id: Int) async throws -> GazetteerCity? {
        try await database.read { sql in
            try await sql.select().column("*").from("gazetteer_cities").where("id", .equal, SQLBind(id)).first()
                .map(Self.city)
        }
    }

    static func city(_ row: any SQLRow) throws -> GazetteerCity {
        GazetteerCity(
            id: try row.decode(column: "id", as: Int.self), name: try row.decode(column: "name", as: String.self),
            asciiName: try row.decode(column: "ascii_name", as: String.self),
            country: try row.decode(column: "country", as: String.self),
            population: try row.decode(column: "population", as: Int.self),
            timeZone: try row.decode(column: "time_zone", as: String.self),
            coordinate: Coordinate(
                latitude: try row.decode(column: "lat", as: Double.self),
                longitude: try row.decode(column: "lon", as: Double.self)))
    }
}
