/// The home government whose cooperation the record holds: the tenant of a deployment.
public struct Organization: Hashable, Sendable {
    /// Where the government stands in the country's hierarchy: a province coordinates its
    /// regencies' and cities' cooperation, and the ministry (national) all of it.
    public enum Level: String, CaseIterable, Sendable, Comparable {
        case city
        case regency
        case province
        case national

        /// The levels a government of this level may belong to (its `parent`'s).
        public var parentLevels: Set<Level> {
            switch self {
            case .city, .regency: [.province]
            case .province: [.national]
            case .national: []
            }
        }

        public static func < (lhs: Level, rhs: Level) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public var id: String
    public var name: String
    public var place: Place
    /// Staff handling foreign cooperation.
    public var cooperationOfficers: Int?
    /// How many foreign cooperations the office runs in all, including ones not (yet) recorded
    /// here; Bandung's office reported 31. It lets the office's load be judged before every
    /// partnership has been entered.
    public var cooperationCount: Int?
    public var level: Level?
    /// The id of the government this one belongs to: a city's or regency's province.
    public var parent: String?
    /// The Ministry of Home Affairs' code of the region: `32` for Jawa Barat, `32.73` for Kota Bandung.
    public var regionCode: String?

    public init(
        id: String, name: String, place: Place, cooperationOfficers: Int? = nil, cooperationCount: Int? = nil,
        level: Level? = nil, parent: String? = nil, regionCode: String? = nil
    ) {
        self.id = id
        self.name = name
        self.place = place
        self.cooperationOfficers = cooperationOfficers
        self.cooperationCount = cooperationCount
        self.level = level
        self.parent = parent
        self.regionCode = regionCode
    }

    /// How many foreign cooperations the office runs when the record holds `recorded`: its own
    /// count, when it reported more than are recorded yet.
    public func cooperationsRun(recorded: Int) -> Int {
        max(cooperationCount ?? 0, recorded)
    }

    /// The office's load: cooperations run per cooperation officer; nil when the officers are not known.
    public func cooperationsPerOfficer(recorded: Int) -> Double? {
        guard let officers = cooperationOfficers, officers > 0 else { return nil }
        return Double(cooperationsRun(recorded: recorded)) / Double(officers)
    }

    /// Whether `code` is written as the ministry writes region codes: two digits for a province,
    /// then two for a regency or city, two for a district and four for a village, dot-separated.
    public static func isRegionCode(_ code: String) -> Bool {
        let parts = code.split(separator: ".", omittingEmptySubsequences: false)
        let widths = [2, 2, 2, 4]
        return (1...4).contains(parts.count)
            && zip(parts, widths).allSatisfy { part, width in
                part.count == width && part.allSatisfy { $0.isASCII && $0.isNumber }
            }
    }
}

/// Where the home government sits.
public struct Place: Hashable, Sendable {
    public var name: String
    /// ISO 3166-1 alpha-2.
    public var country: String
    public var coordinate: Coordinate?

    public init(name: String, country: String, coordinate: Coordinate? = nil) {
        self.name = name
        self.country = country
        self.coordinate = coordinate
    }
}

/// A point on the globe in decimal degrees (WGS 84).
public struct Coordinate: Hashable, Sendable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}
