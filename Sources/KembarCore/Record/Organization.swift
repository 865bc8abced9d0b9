/// The home government whose cooperation the record holds: the tenant of a deployment.
public struct Organization: Hashable, Sendable {
    public var id: String
    public var name: String
    public var place: Place
    /// Staff handling foreign cooperation.
    public var cooperationOfficers: Int?
    /// How many foreign cooperations the office runs in all, including ones not (yet) recorded
    /// here; Bandung's office reported 31. It lets the office's load be judged before every
    /// partnership has been entered.
    public var cooperationCount: Int?

    public init(
        id: String, name: String, place: Place, cooperationOfficers: Int? = nil, cooperationCount: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.place = place
        self.cooperationOfficers = cooperationOfficers
        self.cooperationCount = cooperationCount
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
