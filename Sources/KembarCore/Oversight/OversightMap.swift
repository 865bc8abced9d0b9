/// What a map over many governments draws: a line from each government to each of its partners,
/// or, when that would be more lines than a reader can tell apart, one line per pair of countries
/// weighted by the partnerships between them.
public enum OversightMap: Equatable, Sendable {
    /// One line from a government's place to one partner.
    public struct PartnershipLine: Equatable, Sendable {
        public var government: String
        public var from: Coordinate
        public var partner: MappedPartner
        public var to: Coordinate
    }

    /// The partnerships of governments in one country with partners in another.
    public struct CountryLine: Equatable, Sendable {
        public var from: String
        public var to: String
        public var partnerships: Int
        /// Of those, the ones dormant or with three elements unmet.
        public var critical: Int
    }

    case partnerships([PartnershipLine], unlocated: Int)
    case countries([CountryLine])

    /// More lines than this are summed by country.
    public static let lineLimit = 2000

    /// The map of `summaries`. A partnership is drawn on its own when both its government and its
    /// partner have a place; summed by country, every partnership counts, located or not, but a
    /// partner in the government's own country draws no line.
    public init(_ summaries: [GovernmentSummary], lineLimit: Int = OversightMap.lineLimit) {
        var lines: [PartnershipLine] = []
        var unlocated = 0
        for summary in summaries {
            for partner in summary.partners {
                if let from = summary.organization.place.coordinate, let to = partner.coordinate {
                    lines.append(
                        PartnershipLine(government: summary.organization.name, from: from, partner: partner, to: to))
                } else {
                    unlocated += 1
                }
            }
        }
        guard lines.count > lineLimit else {
            self = .partnerships(lines, unlocated: unlocated)
            return
        }
        var byCountries: [String: CountryLine] = [:]
        for summary in summaries {
            let home = summary.organization.place.country
            for partner in summary.partners where partner.country != home {
                let key = home + "-" + partner.country
                var line =
                    byCountries[key] ?? CountryLine(from: home, to: partner.country, partnerships: 0, critical: 0)
                line.partnerships += 1
                if partner.health == .critical { line.critical += 1 }
                byCountries[key] = line
            }
        }
        self = .countries(
            byCountries.values.sorted { ($1.partnerships, $0.from, $0.to) < ($0.partnerships, $1.from, $1.to) })
    }
}
