import KembarCore
import KembarStore

/// The portfolio's partner suggestions for one government: each city with the one line that
/// says why, linked to its twins in the directory.
struct PartnerSuggestionsView {
    struct Suggestion {
        let name: String
        let href: String
        let country: String
        let population: String?
        let reason: String
    }

    let suggestions: [Suggestion]

    /// Nil when there is nothing to suggest (the directory not loaded, or nothing found).
    init?(_ found: [PartnerSuggestion], home: Place, words: Words) {
        suggestions = found.compactMap { suggestion in
            guard let country = suggestion.town.country, let first = suggestion.reasons.first else { return nil }
            var reason = Self.reason(first, home: home, population: suggestion.population, country: country, words)
            if suggestion.reasons.count > 1 {
                reason += words.text("suggestion_more", ["n": words.count(suggestion.reasons.count - 1)])
            }
            return Suggestion(
                name: suggestion.town.name, href: SitePath.directory(searching: suggestion.town.name, in: country),
                country: words.country(country),
                population: suggestion.population.map { words.text("suggestion_population", ["n": words.count($0)]) },
                reason: reason)
        }
        if suggestions.isEmpty { return nil }
    }

    /// The suggestions for `record`'s government, from the directory around its partners.
    static func load(_ record: CooperationRecord, site: Site, words: Words) async throws -> PartnerSuggestionsView? {
        let neighbourhood = try await DirectoryStore(database: site.database).neighbourhood(
            home: record.organization.place, partners: record.partnerships.map(\.partner))
        return PartnerSuggestionsView(
            PartnerSuggestion.suggestions(neighbourhood), home: record.organization.place, words: words)
    }

    private static func reason(
        _ reason: PartnerSuggestion.Reason, home: Place, population: Int?, country: String, _ words: Words
    ) -> String {
        switch reason {
        case .listedAsTwin:
            words.text("suggestion_listed", ["home": home.name])
        case .twinOfPeer(let peer, let partner):
            words.text("suggestion_peer", ["peer": peer, "home": home.name, "partner": partner])
        case .twinOfPartner(let partner):
            words.text("suggestion_partner", ["partner": partner])
        case .similarSize(let partner):
            words.text("suggestion_size", ["home": home.name, "country": words.country(country), "partner": partner])
        }
    }
}
