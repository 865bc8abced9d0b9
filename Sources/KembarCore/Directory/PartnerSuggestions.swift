import Foundation

/// Cities a government might look to as partners, each with why: found in the twin-town
/// directory around its current partners, or of its own size in the countries it already works
/// with. A city with no reason is never suggested, nor one already a partner, nor one at home.
public struct PartnerSuggestion: Hashable, Sendable {
    public enum Reason: Hashable, Sendable {
        /// The directory lists the town as the government's own twin; the record has no partnership with it.
        case listedAsTwin
        /// The town is twinned with one of the government's partners.
        case twinOfPartner(partner: String)
        /// The town is twinned with `peer`, a town at home that is, like the government, twinned with `partner`.
        case twinOfPeer(peer: String, partner: String)
        /// The town is of about the government's size, in a country where it works with `partner`.
        case similarSize(partner: String)

        /// The town a reason runs through; nil for the directory's own word about the government,
        /// and for size, which is capped per country instead.
        var source: String? {
            switch self {
            case .listedAsTwin, .similarSize: nil
            case .twinOfPeer(let peer, _): "peer " + peer
            case .twinOfPartner(let partner): "partner " + partner
            }
        }

        /// How much a reason says for the town: the directory's own word first, the size last.
        var weight: Int {
            switch self {
            case .listedAsTwin: 8
            case .twinOfPeer: 3
            case .twinOfPartner: 2
            case .similarSize: 1
            }
        }
    }

    public var town: DirectoryPair.Town
    public var population: Int?
    /// Strongest first; never empty.
    public var reasons: [Reason]

    public init(town: DirectoryPair.Town, population: Int?, reasons: [Reason]) {
        self.town = town
        self.population = population
        self.reasons = reasons
    }
}

/// What the directory and the gazetteer know around a government, gathered by the store.
public struct SuggestionNeighbourhood: Sendable {
    /// A town of the directory, with the gazetteer's population where it is linked to a city.
    public struct Town: Sendable {
        public var town: DirectoryPair.Town
        public var population: Int?

        public init(town: DirectoryPair.Town, population: Int?) {
            self.town = town
            self.population = population
        }
    }

    public var home: Place
    public var homePopulation: Int?
    /// The government's partners (name and country).
    public var partners: [Partner]
    /// Each town's twins, by ``SuggestionNeighbourhood/key(_:country:)``: the home town, the
    /// partners, and the towns at home twinned with a partner.
    public var twins: [String: [Town]]
    /// Towns of the directory in the partners' countries with a population from the gazetteer.
    public var sized: [Town]

    public init(
        home: Place, homePopulation: Int?, partners: [Partner], twins: [String: [Town]], sized: [Town]
    ) {
        self.home = home
        self.homePopulation = homePopulation
        self.partners = partners
        self.twins = twins
        self.sized = sized
    }

    /// A town's identity across the directory and the record: its name's match key and country.
    public static func key(_ name: String, country: String?) -> String {
        MatchKey.of(name) + "|" + (country ?? "")
    }

    /// Towns at home twinned with one of the partners: the government's peers.
    public var peers: [(peer: Town, partner: Partner)] {
        let home = Self.key(self.home.name, country: self.home.country)
        return partners.flatMap { partner in
            (twins[Self.key(partner.name, country: partner.country)] ?? []).filter {
                $0.town.country == self.home.country && Self.key($0.town.name, country: $0.town.country) != home
            }.map { (peer: $0, partner: partner) }
        }
    }
}

extension PartnerSuggestion {
    /// How many of the closest in size are suggested per country, so that one large country does
    /// not fill the list.
    public static let sizedPerCountry = 2
    /// How many suggestions may come through the same town (a peer or a partner).
    public static let perSource = 2
    /// A town counts as of the government's size within this factor either way.
    public static let sizeFactor = 2.0

    /// The suggestions for a neighbourhood: strongest reasons first, at most `limit`.
    public static func suggestions(_ around: SuggestionNeighbourhood, limit: Int = 8) -> [PartnerSuggestion] {
        var found: [String: PartnerSuggestion] = [:]
        var order: [String] = []
        let excluded =
            Set(around.partners.map { SuggestionNeighbourhood.key($0.name, country: $0.country) })
            .union([SuggestionNeighbourhood.key(around.home.name, country: around.home.country)])
        func add(_ candidate: SuggestionNeighbourhood.Town, _ reason: Reason) {
            guard let country = candidate.town.country, country != around.home.country else { return }
            let key = SuggestionNeighbourhood.key(candidate.town.name, country: country)
            guard !excluded.contains(key) else { return }
            if found[key] == nil {
                found[key] = PartnerSuggestion(town: candidate.town, population: candidate.population, reasons: [])
                order.append(key)
            }
            if found[key]?.reasons.contains(reason) == false { found[key]?.reasons.append(reason) }
        }
        for twin in around.twins[SuggestionNeighbourhood.key(around.home.name, country: around.home.country)] ?? [] {
            add(twin, .listedAsTwin)
        }
        for (peer, partner) in around.peers {
            for twin in around.twins[SuggestionNeighbourhood.key(peer.town.name, country: peer.town.country)] ?? [] {
                add(twin, .twinOfPeer(peer: peer.town.name, partner: partner.name))
            }
        }
        for partner in around.partners {
            for twin in around.twins[SuggestionNeighbourhood.key(partner.name, country: partner.country)] ?? [] {
                add(twin, .twinOfPartner(partner: partner.name))
            }
        }
        for (town, partner) in similarInSize(around, excluding: excluded) {
            add(town, .similarSize(partner: partner.name))
        }
        return chosen(ranked(order.compactMap { found[$0] }, homePopulation: around.homePopulation), limit: limit)
    }

    /// Strongest reasons first, then the closest in size, then in the order found.
    private static func ranked(_ found: [PartnerSuggestion], homePopulation: Int?) -> [PartnerSuggestion] {
        func strength(_ suggestion: PartnerSuggestion) -> Int { suggestion.reasons.map(\.weight).reduce(0, +) }
        func sizeGap(_ suggestion: PartnerSuggestion) -> Double {
            guard let home = homePopulation, home > 0, let population = suggestion.population, population > 0
            else { return .infinity }
            return abs(log(Double(population) / Double(home)))
        }
        return found.map { suggestion in
            var sorted = suggestion
            sorted.reasons.sort { $0.weight > $1.weight }
            return sorted
        }.enumerated().sorted { left, right in
            let (l, r) = (left.element, right.element)
            if strength(l) != strength(r) { return strength(l) > strength(r) }
            if sizeGap(l) != sizeGap(r) { return sizeGap(l) < sizeGap(r) }
            return left.offset < right.offset
        }.map(\.element)
    }

    /// The first `limit` of `ranked`, no more than ``perSource`` of them through the same town, so that one
    /// well-connected capital does not fill the list.
    private static func chosen(_ ranked: [PartnerSuggestion], limit: Int) -> [PartnerSuggestion] {
        var taken: [String: Int] = [:]
        var chosen: [PartnerSuggestion] = []
        for suggestion in ranked where chosen.count < limit {
            if let source = suggestion.reasons.first?.source {
                guard taken[source, default: 0] < perSource else { continue }
                taken[source, default: 0] += 1
            }
            chosen.append(suggestion)
        }
        return chosen
    }

    /// Towns of about the government's size in the countries of its partners, the closest in
    /// size first, at most ``sizedPerCountry`` a country.
    private static func similarInSize(_ around: SuggestionNeighbourhood, excluding excluded: Set<String>) -> [(
        SuggestionNeighbourhood.Town, Partner
    )] {
        guard let home = around.homePopulation, home > 0 else { return [] }
        var firstPartner: [String: Partner] = [:]
        for partner in around.partners where firstPartner[partner.country] == nil {
            firstPartner[partner.country] = partner
        }
        func distance(_ population: Int) -> Double { abs(log(Double(population) / Double(home))) }
        var perCountry: [String: Int] = [:]
        var chosen: [(SuggestionNeighbourhood.Town, Partner)] = []
        let candidates = around.sized.filter { town in
            guard let population = town.population, population > 0, let country = town.town.country,
                !excluded.contains(SuggestionNeighbourhood.key(town.town.name, country: country))
            else { return false }
            return firstPartner[country] != nil && distance(population) <= log(sizeFactor)
        }.sorted { distance($0.population ?? 0) < distance($1.population ?? 0) }
        for candidate in candidates {
            guard let country = candidate.town.country, let partner = firstPartner[country],
                perCountry[country, default: 0] < sizedPerCountry
            else { continue }
            perCountry[country, default: 0] += 1
            chosen.append((candidate, partner))
        }
        return chosen
    }
}
