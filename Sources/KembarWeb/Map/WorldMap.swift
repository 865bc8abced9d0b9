import Foundation
import KembarCore

/// The world's countries as SVG paths, drawn once from Natural Earth's 1:110m countries (public
/// domain) in an equirectangular projection cropped to 84°N–58°S.
struct WorldMap: Sendable {
    struct Country: Sendable {
        /// ISO 3166-1 alpha-2, where Natural Earth gives one.
        let code: String?
        let name: String
        let path: String
        /// Where a line to the country as a whole ends: the centre of its largest land.
        let anchor: (x: Double, y: Double)?
    }

    static let width = 1000.0
    static let north = 84.0
    static let south = -58.0
    static var height: Double { width * (north - south) / 360 }

    let countries: [Country]

    static func bundled() throws -> WorldMap {
        guard
            let url = Bundle.module.url(
                forResource: "ne_110m_admin_0_countries", withExtension: "geojson", subdirectory: "map")
        else { throw CatalogError.missing("map") }
        return try WorldMap(geojson: Data(contentsOf: url))
    }

    init(geojson: Data) throws {
        guard case .object(let root) = try JSONParser.parse(geojson),
            case .array(let features)? = root.first(where: { $0.key == "features" })?.value
        else { throw CatalogError.missing("map features") }
        // Natural Earth marks France and Norway -99 in ISO_A2; their ISO_A3_EH is reliable.
        let fixes = ["FRA": "FR", "NOR": "NO"]
        countries = features.compactMap { feature in
            guard case .object(let members) = feature,
                case .object(let properties)? = members.first(where: { $0.key == "properties" })?.value,
                case .object(let geometry)? = members.first(where: { $0.key == "geometry" })?.value
            else { return nil }
            func property(_ key: String) -> String? {
                if case .string(let value)? = properties.first(where: { $0.key == key })?.value { return value }
                return nil
            }
            let a2 = property("ISO_A2").flatMap { $0 == "-99" ? fixes[property("ISO_A3_EH") ?? ""] : $0 }
            let (path, anchor) = WorldMap.path(geometry)
            guard !path.isEmpty else { return nil }
            return Country(code: a2, name: property("NAME") ?? "", path: path, anchor: anchor)
        }
        anchors = Dictionary(
            countries.compactMap { country in country.code.flatMap { code in country.anchor.map { (code, $0) } } },
            uniquingKeysWith: { first, _ in first })
    }

    /// Each country's anchor by its ISO code.
    let anchors: [String: (x: Double, y: Double)]

    /// The point of a coordinate on the map.
    static func project(latitude: Double, longitude: Double) -> (x: Double, y: Double) {
        ((longitude + 180) / 360 * width, (north - latitude) / (north - south) * height)
    }

    /// The SVG path of a country's polygons, and the centroid of its largest ring.
    private static func path(_ geometry: [JSONValue.Member]) -> (String, (x: Double, y: Double)?) {
        guard case .array(let coordinates)? = geometry.first(where: { $0.key == "coordinates" })?.value,
            case .string(let type)? = geometry.first(where: { $0.key == "type" })?.value
        else { return ("", nil) }
        let polygons: [JSONValue] = type == "MultiPolygon" ? coordinates : [.array(coordinates)]
        var path = ""
        var largest: (area: Double, centre: (x: Double, y: Double))?
        for polygon in polygons {
            guard case .array(let rings) = polygon else { continue }
            for ring in rings {
                guard case .array(let points) = ring else { continue }
                let projected: [(x: Double, y: Double)] = points.compactMap { point in
                    guard case .array(let pair) = point, pair.count >= 2, case .number(let longitude) = pair[0],
                        case .number(let latitude) = pair[1]
                    else { return nil }
                    return project(latitude: max(min(latitude, north), south), longitude: longitude)
                }
                for (index, point) in projected.enumerated() {
                    path += (index == 0 ? "M" : "L") + format(point.x) + " " + format(point.y)
                }
                if !projected.isEmpty { path += "Z" }
                if let centroid = centroid(projected), centroid.area > largest?.area ?? 0 { largest = centroid }
            }
        }
        return (path, largest?.centre)
    }

    /// A ring's area and centre of mass (the shoelace formula).
    private static func centroid(_ ring: [(x: Double, y: Double)]) -> (area: Double, centre: (x: Double, y: Double))? {
        guard ring.count >= 3 else { return nil }
        var twiceArea = 0.0
        var x = 0.0
        var y = 0.0
        for (point, next) in zip(ring, ring.dropFirst() + [ring[0]]) {
            let cross = point.x * next.y - next.x * point.y
            twiceArea += cross
            x += (point.x + next.x) * cross
            y += (point.y + next.y) * cross
        }
        guard abs(twiceArea) > 0 else { return nil }
        return (abs(twiceArea) / 2, (x / (3 * twiceArea), y / (3 * twiceArea)))
    }

    /// One decimal: a tenth of a map unit is finer than a screen pixel.
    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let magnitude = abs(tenths)
        return (tenths < 0 ? "-" : "") + "\(magnitude / 10).\(magnitude % 10)"
    }
}
