import Foundation
import KembarCore
import SQLKit

/// A town's twin, as the directory lists it.
public struct DirectoryTwin: Hashable, Sendable {
    /// The town searched for, as this pair writes it.
    public var town: DirectoryPair.Town
    public var twin: DirectoryPair.Town
    /// Whence the pair comes, with its licence.
    public var source: String
}

/// The world's twin-town directory: loaded whole from a file, searched by a town's name.
public struct DirectoryStore: Sendable {
    public let database: any KembarDatabase

    /// The source of the directory shipped with Kembar, as every pair of it is credited.
    public static let shippedSource =
        "Wikipedia contributors, via Hekman/twincities (CC BY-SA 4.0)"

    public init(database: any KembarDatabase) {
        self.database = database
    }

    /// The file shipped with Kembar.
    public static func shippedFile() throws -> URL {
        guard let url = Bundle.module.url(forResource: "directory/hekman_twin_cities_geocoded", withExtension: "csv")
        else { throw StoreError.configuration("the twin-town directory is missing from Kembar's resources") }
        return url
    }

    /// Loads the directory shipped with Kembar in place of any other; returns the pairs loaded.
    @discardableResult
    public func loadShipped() async throws -> Int {
        let contents = try DirectoryFile.read(String(contentsOf: try Self.shippedFile(), encoding: .utf8))
        _ = try await replace(with: contents.pairs, source: Self.shippedSource)
        return contents.pairs.count
    }

    /// Replaces the directory with `pairs` in one transaction; returns how many towns were linked
    /// to a city of the gazetteer.
    public func replace(with pairs: [DirectoryPair], source: String) async throws -> Int {
        try await database.write { sql in
            try await sql.delete(from: "directory_pairs").run()
            let cities = try await Self.gazetteerIndex(sql)
            var linked = 0
            var batch = BatchInsert(
                "directory_pairs",
                columns: [
                    "id", "name1", "country_text1", "country1", "lat1", "lon1", "key1", "city1", "name2",
                    "country_text2", "country2", "lat2", "lon2", "key2", "city2", "source",
                ])
            for (index, pair) in pairs.enumerated() {
                var values: [(any Encodable & Sendable)?] = [index + 1]
                for town in [pair.first, pair.second] {
                    let key = MatchKey.of(town.name)
                    let city = town.country.flatMap { cities[$0 + "|" + key] }
                    if city != nil { linked += 1 }
                    values += [
                        town.name, town.countryText, town.country, town.coordinate?.latitude,
                        town.coordinate?.longitude, key, city,
                    ]
                }
                values.append(source)
                try await batch.append(values, flushingTo: sql)
            }
            try await batch.flush(to: sql)
            return linked
        }
    }

    /// The gazetteer's most populous city of each name in each country.
    private static func gazetteerIndex(_ sql: any SQLDatabase) async throws -> [String: Int] {
        var index: [String: Int] = [:]
        let rows = try await sql.select().columns("id", "country", "search_key").from("gazetteer_cities")
            .orderBy("population", .ascending).all()
        for row in rows {
            index[try row.text("country") + "|" + (try row.text("search_key"))] = try row.integer("id")
        }
        return index
    }

    /// The twins of the towns called `name` (in `country` when given), by name of the twin.
    public func twins(of name: String, country: String? = nil) async throws -> [DirectoryTwin] {
        let key = MatchKey.of(name)
        guard !key.isEmpty else { return [] }
        return try await database.read { sql in
            var twins: [DirectoryTwin] = []
            for (side, other) in [("1", "2"), ("2", "1")] {
                var query = sql.select().column("*").from("directory_pairs").where("key\(side)", .equal, SQLBind(key))
                if let country { query = query.where("country\(side)", .equal, SQLBind(country)) }
                for row in try await query.all() {
                    twins.append(
                        DirectoryTwin(
                            town: try Self.town(row, side), twin: try Self.town(row, other),
                            source: try row.text("source")))
                }
            }
            return twins.sorted { ($0.twin.name, $0.twin.countryText) < ($1.twin.name, $1.twin.countryText) }
        }
    }

    /// Whether the directory has been loaded (without counting its pairs).
    public func isLoaded() async throws -> Bool {
        try await database.read { sql in
            try await sql.select().column("id").from("directory_pairs").limit(1).first() != nil
        }
    }

    public func count() async throws -> Int {
        try await database.read { sql in
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("directory_pairs")
                .first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    private static func town(_ row: any SQLRow, _ side: String) throws -> DirectoryPair.Town {
        DirectoryPair.Town(
            name: try row.text("name" + side), countryText: try row.text("country_text" + side),
            country: try row.optionalText("country" + side),
            coordinate: try row.coordinate(latitude: "lat" + side, longitude: "lon" + side))
    }
}
