import KembarCore
import SQLKit

extension DirectoryStore {
    /// What the directory and the gazetteer know around a government whose home is `home` and
    /// whose partners are `partners`: the twins of its town, of its partners, and of the towns at
    /// home twinned with its partners; and the directory's towns of about its size in its
    /// partners' countries.
    public func neighbourhood(home: Place, partners: [Partner]) async throws -> SuggestionNeighbourhood {
        try await database.read { sql in
            var twins = try await Self.twins(
                of: [(home.name, home.country)] + partners.map { ($0.name, $0.country) }, sql)
            let homeKey = SuggestionNeighbourhood.key(home.name, country: home.country)
            var peers: [(String, String)] = []
            for partner in partners {
                for twin in twins[SuggestionNeighbourhood.key(partner.name, country: partner.country)] ?? []
                where twin.town.country == home.country
                    && SuggestionNeighbourhood.key(twin.town.name, country: home.country) != homeKey
                {
                    peers.append((twin.town.name, home.country))
                }
            }
            twins.merge(try await Self.twins(of: peers, sql)) { kept, _ in kept }
            let homePopulation = try await GazetteerStore.named(home.name, country: home.country, sql).first?
                .population
            var sized: [SuggestionNeighbourhood.Town] = []
            if let population = homePopulation {
                let factor = PartnerSuggestion.sizeFactor
                sized = try await Self.towns(
                    in: Set(partners.map(\.country)).sorted(),
                    population: Int(Double(population) / factor)...Int(Double(population) * factor), sql)
            }
            return SuggestionNeighbourhood(
                home: home, homePopulation: homePopulation, partners: partners, twins: twins, sized: sized)
        }
    }

    /// The twins of the towns named (name, country), by ``SuggestionNeighbourhood/key(_:country:)``.
    private static func twins(of towns: [(name: String, country: String)], _ sql: any SQLDatabase) async throws
        -> [String: [SuggestionNeighbourhood.Town]]
    {
        let wanted = Set(towns.map { SuggestionNeighbourhood.key($0.name, country: $0.country) })
        let keys = Set(towns.map { MatchKey.of($0.name) }).filter { !$0.isEmpty }.sorted()
        guard !keys.isEmpty else { return [:] }
        let rows = try await sql.raw(
            """
            SELECT p.name1, p.country_text1, p.country1, p.lat1, p.lon1, g1.population AS population1,
            p.name2, p.country_text2, p.country2, p.lat2, p.lon2, g2.population AS population2
            FROM directory_pairs p
            LEFT JOIN gazetteer_cities g1 ON g1.id = p.city1 LEFT JOIN gazetteer_cities g2 ON g2.id = p.city2
            WHERE p.key1 IN (\(binds: keys)) OR p.key2 IN (\(binds: keys))
            """
        ).all()
        var twins: [String: [SuggestionNeighbourhood.Town]] = [:]
        for row in rows {
            for (side, other) in [("1", "2"), ("2", "1")] {
                let key = SuggestionNeighbourhood.key(
                    try row.text("name" + side), country: try row.optionalText("country" + side))
                guard wanted.contains(key) else { continue }
                twins[key, default: []].append(
                    SuggestionNeighbourhood.Town(
                        town: DirectoryPair.Town(
                            name: try row.text("name" + other), countryText: try row.text("country_text" + other),
                            country: try row.optionalText("country" + other),
                            coordinate: try row.coordinate(latitude: "lat" + other, longitude: "lon" + other)),
                        population: try row.optionalInteger("population" + other)))
            }
        }
        return twins
    }

    /// The directory's towns in `countries` linked to a city of the gazetteer of a population in `range`.
    private static func towns(in countries: [String], population range: ClosedRange<Int>, _ sql: any SQLDatabase)
        async throws -> [SuggestionNeighbourhood.Town]
    {
        guard !countries.isEmpty else { return [] }
        var towns: [String: SuggestionNeighbourhood.Town] = [:]
        for side in ["1", "2"] {
            let rows = try await sql.raw(
                """
                SELECT DISTINCT p.name\(unsafeRaw: side) AS name, p.country_text\(unsafeRaw: side) AS country_text,
                p.country\(unsafeRaw: side) AS country, g.lat AS lat, g.lon AS lon, g.population AS population
                FROM directory_pairs p JOIN gazetteer_cities g ON g.id = p.city\(unsafeRaw: side)
                WHERE p.country\(unsafeRaw: side) IN (\(binds: countries))
                AND g.population >= \(bind: range.lowerBound) AND g.population <= \(bind: range.upperBound)
                """
            ).all()
            for row in rows {
                let town = DirectoryPair.Town(
                    name: try row.text("name"), countryText: try row.text("country_text"),
                    country: try row.optionalText("country"),
                    coordinate: try row.coordinate(latitude: "lat", longitude: "lon"))
                towns[SuggestionNeighbourhood.key(town.name, country: town.country)] = SuggestionNeighbourhood.Town(
                    town: town, population: try row.integer("population"))
            }
        }
        return towns.keys.sorted().compactMap { towns[$0] }
    }
}
