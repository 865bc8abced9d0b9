import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

@testable import KembarWeb

/// The partner form's search in the gazetteer, without JavaScript: search, choose, check, save.
@Suite struct PlaceSearchTests {
    @Test func aNewPartnerIsFoundChosenAndSavedWithItsCountryAndCoordinates() async throws {
        try await WebHarness.with { site in
            // The officer edits one government: the form does not ask which.
            let start = [
                ("kind", "sister-city"), ("partner", ""), ("partner_kind", "city"),
                ("partner_place_search", "hamamats"),
            ]
            let found = try await site.post("/partnerships/new", start + [("more", PlaceSearch.find)], language: "en")
            #expect(found.status == .ok)
            #expect(found.text.contains("Hamamatsu, Japan: 791,707 people, Asia/Tokyo, 34.7, 137.73333"))
            let city = try #require(try await GazetteerStore(database: site.database).search("Hamamatsu").first)
            let chosen = try await site.post(
                "/partnerships/new", start + [("partner_place", String(city.id)), ("more", PlaceSearch.use)])
            let fields = formFields(chosen.html)
            #expect(fields.first { $0.0 == "partner_name" }?.1 == "Hamamatsu")
            #expect(fields.first { $0.0 == "partner_country" }?.1 == "JP")
            #expect(fields.first { $0.0 == "partner_lat" }?.1 == "34.7")
            #expect(try await site.storedRecord().partnerships.count == 10)

            let saved = try await site.post("/partnerships/new", fields.filter { $0.0 != "more" })
            #expect(saved.status == .seeOther, "\(saved.text)")
            let partner = try #require(try await site.storedRecord().partnerships.last?.partner)
            #expect(partner == Partner(name: "Hamamatsu", country: "JP", kind: .city, coordinate: city.coordinate))
        }
    }

    @Test func aPartnerWithoutCoordinatesIsPlacedFromItsEditForm() async throws {
        try await WebHarness.with { site in
            let form = try await site.get("/partners/bandung/cn-liuzhou/edit")
            let fields = setting(formFields(form.html), "place_search", "Liuzhou")
            let found = try await site.post("/partners/bandung/cn-liuzhou/edit", fields + [("more", PlaceSearch.find)])
            #expect(found.text.contains("Liuzhou, Tiongkok: 1.436.599 jiwa, Asia/Shanghai, 24.32405, 109.40698"))
            let nothing = try await site.post(
                "/partners/bandung/cn-liuzhou/edit",
                setting(fields, "place_search", "Xqzzy") + [("more", PlaceSearch.find)])
            #expect(nothing.text.contains("Tidak ada kota berpenduduk lebih dari 15.000 jiwa"))
        }
    }
}
