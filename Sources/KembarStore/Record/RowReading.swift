import KembarCore
import SQLKit

/// Typed column access that turns an unreadable stored value into a ``StoreError`` naming it.
extension SQLRow {
    func text(_ column: String) throws -> String {
        try decode(column: column, as: String.self)
    }

    func optionalText(_ column: String) throws -> String? {
        try decode(column: column, as: String?.self)
    }

    func integer(_ column: String) throws -> Int {
        try decode(column: column, as: Int.self)
    }

    func optionalInteger(_ column: String) throws -> Int? {
        try decode(column: column, as: Int?.self)
    }

    func double(_ column: String) throws -> Double {
        try decode(column: column, as: Double.self)
    }

    func optionalDouble(_ column: String) throws -> Double? {
        try decode(column: column, as: Double?.self)
    }

    func flag(_ column: String) throws -> Bool {
        try decode(column: column, as: Bool.self)
    }

    func optionalFlag(_ column: String) throws -> Bool? {
        try decode(column: column, as: Bool?.self)
    }

    func date(_ column: String, table: String) throws -> PartialDate {
        let stored = try text(column)
        do {
            return try PartialDate(parsing: stored)
        } catch {
            throw StoreError.corruptValue(table: table, column: column, value: stored)
        }
    }

    func optionalDate(_ column: String, table: String) throws -> PartialDate? {
        guard try optionalText(column) != nil else { return nil }
        return try date(column, table: table)
    }

    func value<T: RawRepresentable>(_ column: String, table: String) throws -> T where T.RawValue == String {
        let stored = try text(column)
        guard let value = T(rawValue: stored) else {
            throw StoreError.corruptValue(table: table, column: column, value: stored)
        }
        return value
    }

    func optionalValue<T: RawRepresentable>(_ column: String, table: String) throws -> T? where T.RawValue == String {
        guard try optionalText(column) != nil else { return nil }
        return try value(column, table: table) as T
    }

    func coordinate(latitude: String, longitude: String) throws -> Coordinate? {
        guard let lat = try optionalDouble(latitude), let lon = try optionalDouble(longitude) else { return nil }
        return Coordinate(latitude: lat, longitude: lon)
    }

    /// A row of `organizations`.
    func organization() throws -> Organization {
        Organization(
            id: try text("id"), name: try text("name"),
            place: Place(
                name: try text("place_name"), country: try text("place_country"),
                coordinate: try coordinate(latitude: "place_lat", longitude: "place_lon")),
            cooperationOfficers: try optionalInteger("cooperation_officers"),
            cooperationCount: try optionalInteger("cooperation_count"),
            // Read by migrations that run before migration 13 added these columns, too.
            level: contains(column: "level") ? try optionalValue("level", table: "organizations") : nil,
            parent: contains(column: "parent_id") ? try optionalText("parent_id") : nil,
            regionCode: contains(column: "region_code") ? try optionalText("region_code") : nil)
    }

    /// A row of `partners`.
    func partner() throws -> Partner {
        Partner(
            name: try text("name"), nativeName: try optionalText("native_name"), country: try text("country"),
            kind: try value("kind", table: "partners"), coordinate: try coordinate(latitude: "lat", longitude: "lon"),
            wikidata: try optionalText("wikidata"))
    }
}
