import Foundation
import KembarCore
import SQLKit

/// The gazetteer partners are found in: GeoNames' cities of more than 15,000 people (CC BY 4.0),
/// shipped with Kembar and loaded here. Searched by a key of the name (``MatchKey``) compared
/// byte by byte, so that a prefix is a range of the index on both databases.
extension Migration {
    static let gazetteer = Migration(
        version: 12, name: "gazetteer of cities",
        statements: { dialect in
            let key = dialect == .postgres ? "\(ColumnType.text) COLLATE \"C\"" : ColumnType.text
            return [
                """
                CREATE TABLE gazetteer_cities (
                    id \(ColumnType.integer) PRIMARY KEY,
                    name \(ColumnType.text) NOT NULL,
                    ascii_name \(ColumnType.text) NOT NULL,
                    search_key \(key) NOT NULL,
                    country \(ColumnType.text) NOT NULL,
                    population \(ColumnType.integer) NOT NULL,
                    time_zone \(ColumnType.text) NOT NULL,
                    lat \(ColumnType.double) NOT NULL,
                    lon \(ColumnType.double) NOT NULL
                )
                """,
                "CREATE INDEX gazetteer_cities_key ON gazetteer_cities (search_key)",
                "CREATE INDEX gazetteer_cities_country_key ON gazetteer_cities (country, search_key)",
            ]
        },
        fill: { sql in
            try await GazetteerFile.load(into: sql)
        })
}

/// The shipped gazetteer file.
enum GazetteerFile {
    static func cities() throws -> [GazetteerCity] {
        guard let url = Bundle.module.url(forResource: "gazetteer/geonames_cities15000", withExtension: "csv") else {
            throw StoreError.configuration("the gazetteer file is missing from Kembar's resources")
        }
        return GazetteerCity.read(csv: try String(contentsOf: url, encoding: .utf8))
    }

    static func load(into sql: any SQLDatabase) async throws {
        var batch = BatchInsert(
            "gazetteer_cities",
            columns: ["id", "name", "ascii_name", "search_key", "country", "population", "time_zone", "lat", "lon"])
        for city in try cities() {
            try await batch.append(
                [
                    city.id, city.name, city.asciiName, city.searchKey, city.country, city.population, city.timeZone,
                    city.coordinate.latitude, city.coordinate.longitude,
                ], flushingTo: sql)
        }
        try await batch.flush(to: sql)
    }
}
