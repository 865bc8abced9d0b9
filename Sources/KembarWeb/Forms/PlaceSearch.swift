import Foundation
import KembarCore
import KembarStore

/// The partner form's search step: a city's name looked up in the gazetteer, and the chosen
/// city's country and coordinates put into the form for the person to check and save. Each step
/// is a submit button, so it works without JavaScript.
struct PlaceSearch {
    static let find = "find-place"
    static let use = "use-place"
    /// How many cities a search offers.
    static let offered = 8

    let gazetteer: GazetteerStore
    /// The partner fields' prefix (`partner_` inside the new-partnership form).
    let prefix: String

    /// The cities offered and whether a search was made, for the form to show.
    struct Offer {
        var cities: [GazetteerCity] = []
        var searched = false
    }

    /// Whether the form was sent to search or to choose a city rather than to be saved.
    static func isStep(_ state: FormState) -> Bool {
        state["more"] == find || state["more"] == use
    }

    /// Puts the chosen city into `state` (for a choice), or finds the cities named (for a search).
    func step(_ state: inout FormState) async throws -> Offer {
        if state["more"] == Self.use, let id = Int(state[prefix + "place"]), let city = try await gazetteer.city(id: id)
        {
            state[prefix + "country"] = city.country
            state[prefix + "lat"] = plainNumber(city.coordinate.latitude)
            state[prefix + "lon"] = plainNumber(city.coordinate.longitude)
            if state[prefix + "name"].trimmingCharacters(in: .whitespaces).isEmpty {
                state[prefix + "name"] = city.name
            }
            return Offer()
        }
        let text = state[prefix + "place_search"]
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return Offer() }
        return Offer(cities: try await gazetteer.search(text, limit: Self.offered), searched: true)
    }
}
