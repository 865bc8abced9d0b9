/// Where a partner is, judged from the gazetteer's cities of its name in its country.
///
/// The gazetteer lists one row per city, and names repeat (Córdoba, Spain and Córdoba,
/// Argentina; two San Fernandos in the Philippines). One city of the name is taken; among
/// several, the most populous when it outnumbers the next by ten to one (the sister city is then
/// almost surely the large one). Otherwise the partner is left for a person to place.
public enum PartnerLocation: Equatable, Sendable {
    case found(GazetteerCity)
    /// Several cities of the name, none clearly the one.
    case ambiguous([GazetteerCity])
    case notFound
    /// Not a city or regency: the gazetteer holds cities only.
    case notACity

    /// How many times the most populous city must outnumber the next to be taken.
    public static let clearMargin = 10

    public static func judge(_ partner: Partner, candidates: [GazetteerCity]) -> PartnerLocation {
        guard partner.kind == .city || partner.kind == .regency else { return .notACity }
        let ranked = candidates.sorted { $0.population > $1.population }
        guard let first = ranked.first else { return .notFound }
        guard ranked.count > 1 else { return .found(first) }
        return first.population >= ranked[1].population * clearMargin ? .found(first) : .ambiguous(ranked)
    }

    /// The names a partner may go by in the gazetteer: as written, and without the words that
    /// say what it is (`Kota Liuzhou`, `Cotabato City`, `City of Fort Worth`, `Suwon-si`).
    public static func names(of partner: Partner) -> [String] {
        let words = MatchKey.words(partner.name).map(String.init)
        var names = [words.joined(separator: " ")]
        var trimmed = words
        while let first = trimmed.first, ["kota", "city", "kabupaten", "municipality"].contains(first),
            trimmed.count > 1
        {
            trimmed.removeFirst()
            if trimmed.first == "of", trimmed.count > 1 { trimmed.removeFirst() }
        }
        while let last = trimmed.last, ["city", "shi", "si", "municipality", "town"].contains(last), trimmed.count > 1 {
            trimmed.removeLast()
        }
        let short = trimmed.joined(separator: " ")
        if short != names[0] { names.append(short) }
        return names
    }
}
