/// A city of the gazetteer (GeoNames cities15000: population above 15,000, or a capital).
public struct GazetteerCity: Hashable, Sendable {
    /// The city's row in the gazetteer (the shipped file has no GeoNames ids).
    public var id: Int
    public var name: String
    public var asciiName: String
    /// ISO 3166-1 alpha-2.
    public var country: String
    public var population: Int
    /// IANA time zone, such as `Asia/Shanghai`.
    public var timeZone: String
    public var coordinate: Coordinate

    public init(
        id: Int, name: String, asciiName: String, country: String, population: Int, timeZone: String,
        coordinate: Coordinate
    ) {
        self.id = id
        self.name = name
        self.asciiName = asciiName
        self.country = country
        self.population = population
        self.timeZone = timeZone
        self.coordinate = coordinate
    }

    /// The key the gazetteer is searched by: the name's ``MatchKey``, so that `Liège`, `LIEGE`
    /// and `liege` find the same city.
    public var searchKey: String { MatchKey.of(asciiName.isEmpty ? name : asciiName) }

    /// Reads the shipped file (`name,ascii_name,country_code,population,timezone,latitude,longitude`,
    /// quoted where a name holds a comma). A line that does not hold a city is skipped.
    public static func read(csv text: String) -> [GazetteerCity] {
        var cities: [GazetteerCity] = []
        cities.reserveCapacity(33_000)
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() where index > 0 {
            let fields = CSVLine.fields(line)
            guard fields.count == 7, let population = Int(fields[3]), let latitude = Double(fields[5]),
                let longitude = Double(fields[6]), CountryCode.isValid(fields[2])
            else { continue }
            cities.append(
                GazetteerCity(
                    id: cities.count + 1, name: fields[0], asciiName: fields[1], country: fields[2],
                    population: population, timeZone: fields[4],
                    coordinate: Coordinate(latitude: latitude, longitude: longitude)))
        }
        return cities
    }
}
