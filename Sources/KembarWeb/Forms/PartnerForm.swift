import Foundation
import KembarCore

/// The fields of a partner: a foreign city, province, institution or government. Used on its
/// own to edit a partner, and inside the new-partnership form with the prefix `partner_`.
struct PartnerForm {
    let words: Words
    var prefix = ""
    /// The gazetteer's cities offered after a search.
    var offer = PlaceSearch.Offer()

    private func name(_ field: String) -> String { prefix + field }

    func state(from partner: Partner?, into state: inout FormState) {
        guard let partner else { return }
        state[name("name")] = partner.name
        state[name("native_name")] = partner.nativeName ?? ""
        state[name("country")] = partner.country
        state[name("kind")] = partner.kind.rawValue
        state[name("lat")] = partner.coordinate.map { plainNumber($0.latitude) } ?? ""
        state[name("lon")] = partner.coordinate.map { plainNumber($0.longitude) } ?? ""
        state[name("wikidata")] = partner.wikidata ?? ""
    }

    func state(from partner: Partner) -> FormState {
        var state = FormState()
        self.state(from: partner, into: &state)
        return state
    }

    func read(_ reader: inout FormReader) -> Partner? {
        let partnerName = reader.text(name("name"), required: true)
        let nativeName = reader.text(name("native_name"), required: false)
        let country = reader.text(name("country"), required: true)
        if let country, !CountryCode.isValid(country) { reader.fail(name("country"), "error_country") }
        let kind: Partner.Kind? = reader.choice(name("kind"), required: true)
        let latitude = reader.number(name("lat"), required: false, range: -90...90)
        let longitude = reader.number(name("lon"), required: false, range: -180...180)
        if reader.state[name("lat")].isEmpty != reader.state[name("lon")].isEmpty {
            reader.fail(reader.state[name("lat")].isEmpty ? name("lat") : name("lon"), "error_coordinate_pair")
        }
        let wikidata = reader.text(name("wikidata"), required: false, maximum: 20)
        if let wikidata,
            !(wikidata.first == "Q" && wikidata.count > 1
                && wikidata.dropFirst().allSatisfy { $0.isASCII && $0.isNumber })
        {
            reader.fail(name("wikidata"), "error_wikidata")
        }
        guard let partnerName, let country, let kind, CountryCode.isValid(country) else { return nil }
        let coordinate = latitude.flatMap { latitude in longitude.map { Coordinate(latitude: latitude, longitude: $0) }
        }
        return Partner(
            name: partnerName, nativeName: nativeName, country: country, kind: kind, coordinate: coordinate,
            wikidata: wikidata)
    }

    func fields(_ build: FieldBuilder) -> [FormPage.Field] {
        let countries = words.countries.map { (value: $0.code, label: $0.name) }
        return placeFields(build) + [
            build.text(name("name"), "field_partner_name", required: true),
            build.text(name("native_name"), "field_native_name", hint: "hint_native_name"),
            build.select(name("country"), "field_country", [("", words.text("choose"))] + countries, required: true),
            build.choice(name("kind"), "field_partner_kind", Partner.Kind.self, family: "partner-kind", required: true),
            build.text(name("lat"), "field_latitude", hint: "hint_coordinates", inputMode: "decimal"),
            build.text(name("lon"), "field_longitude", inputMode: "decimal"),
            build.text(name("wikidata"), "field_wikidata", hint: "hint_wikidata"),
        ]
    }

    /// The search step: a name to look up, and the cities found, each with what tells them apart.
    private func placeFields(_ build: FieldBuilder) -> [FormPage.Field] {
        var search = build.text(
            name("place_search"), "field_place_search",
            hint: offer.searched && offer.cities.isEmpty ? "place_none" : "hint_place_search")
        search.buttonValue = PlaceSearch.find
        search.buttonLabel = words.text("place_search_button")
        guard !offer.cities.isEmpty else { return [search] }
        var cities = build.radios(
            name("place"), "field_place_results",
            offer.cities.map { city in
                (
                    value: String(city.id),
                    label: words.text(
                        "place_option",
                        [
                            "name": city.name, "country": words.country(city.country),
                            "population": words.count(city.population), "zone": city.timeZone,
                            "lat": plainNumber(city.coordinate.latitude), "lon": plainNumber(city.coordinate.longitude),
                        ])
                )
            }, required: false)
        cities.buttonValue = PlaceSearch.use
        cities.buttonLabel = words.text("place_use_button")
        return [search, cities]
    }

    func page(
        _ state: FormState, errors: [String: String], action: String, cancel: String, heading: String,
        sharedBy: [String]
    )
        -> FormPage
    {
        let build = FieldBuilder(state: state, errors: errors, words: words)
        let intro =
            sharedBy.count > 1
            ? words.text("form_partner_shared", ["list": sharedBy.joined(separator: ", ")])
            : words.text("form_partner_intro")
        return FormPage(
            action: action, heading: heading, intro: intro, errors: errors,
            sections: [FormPage.Section(legend: words.text("form_partner"), fields: fields(build), tables: [])],
            submitLabel: words.text("save"), cancelHref: cancel, cancelLabel: words.text("cancel"))
    }
}
