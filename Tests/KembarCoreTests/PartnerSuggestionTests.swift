import KembarCore
import Testing

/// Partner suggestions: found around the current partners, each with its reason.
@Suite struct PartnerSuggestionTests {
    private func town(_ name: String, _ country: String, _ population: Int? = nil) -> SuggestionNeighbourhood.Town {
        SuggestionNeighbourhood.Town(
            town: DirectoryPair.Town(name: name, countryText: country, country: country, coordinate: nil),
            population: population)
    }

    private func neighbourhood(
        twins: [String: [SuggestionNeighbourhood.Town]], sized: [SuggestionNeighbourhood.Town] = [],
        homePopulation: Int? = 2_400_000
    ) -> SuggestionNeighbourhood {
        SuggestionNeighbourhood(
            home: Place(name: "Bandung", country: "ID"), homePopulation: homePopulation,
            partners: [
                Partner(name: "Liuzhou", country: "CN", kind: .city),
                Partner(name: "Braunschweig", country: "DE", kind: .city),
            ], twins: twins, sized: sized)
    }

    @Test func eachSuggestionHasItsReasonAndNoneIsAPartnerOrAtHome() {
        let around = neighbourhood(
            twins: [
                "bandung|ID": [town("Braunschweig", "DE"), town("Fort Worth", "US")],
                "liuzhou|CN": [town("Surabaya", "ID"), town("Cincinnati", "US"), town("Bandung", "ID")],
                "surabaya|ID": [town("Busan", "KR"), town("Liuzhou", "CN"), town("Jakarta", "ID")],
            ],
            sized: [
                town("Nanning", "CN", 2_200_000), town("Kunming", "CN", 2_600_000), town("Zhuhai", "CN", 2_000_000),
                town("Chongqing", "CN", 30_000_000), town("Liuzhou", "CN", 2_300_000), town("Munich", "DE", 1_500_000),
                town("Osaka", "JP", 2_500_000),
            ])
        #expect(around.peers.map(\.peer.town.name) == ["Surabaya"])
        let suggestions = PartnerSuggestion.suggestions(around, limit: 20)
        #expect(
            suggestions.map(\.town.name) == ["Fort Worth", "Busan", "Cincinnati", "Kunming", "Nanning", "Munich"])
        #expect(suggestions[0].reasons == [.listedAsTwin])
        #expect(suggestions[1].reasons == [.twinOfPeer(peer: "Surabaya", partner: "Liuzhou")])
        #expect(suggestions[2].reasons == [.twinOfPartner(partner: "Liuzhou")])
        #expect(suggestions[3].reasons == [.similarSize(partner: "Liuzhou")])
        #expect(suggestions.allSatisfy { !$0.reasons.isEmpty })
    }

    @Test func reasonsAddUpAndTheStrongestComesFirst() {
        let around = neighbourhood(twins: [
            "liuzhou|CN": [town("Surabaya", "ID"), town("Cincinnati", "US"), town("Kumamoto", "JP")],
            "braunschweig|DE": [town("Kumamoto", "JP")],
            "surabaya|ID": [town("Kumamoto", "JP")],
        ])
        let suggestions = PartnerSuggestion.suggestions(around)
        #expect(suggestions.map(\.town.name) == ["Kumamoto", "Cincinnati"])
        #expect(
            suggestions[0].reasons == [
                .twinOfPeer(peer: "Surabaya", partner: "Liuzhou"), .twinOfPartner(partner: "Liuzhou"),
                .twinOfPartner(partner: "Braunschweig"),
            ])
    }

    @Test func oneWellConnectedTownGivesNoMoreThanItsShareAndTheLimitHolds() {
        let many = (1...6).map { town("Twin \($0)", "FR") }
        let suggestions = PartnerSuggestion.suggestions(neighbourhood(twins: ["liuzhou|CN": many]), limit: 8)
        #expect(suggestions.count == PartnerSuggestion.perSource)
        let everywhere = (1...12).map { town("Listed \($0)", "FR") }
        #expect(PartnerSuggestion.suggestions(neighbourhood(twins: ["bandung|ID": everywhere]), limit: 5).count == 5)
    }

    @Test func withoutTheHomePopulationNothingIsSuggestedForItsSizeAndAnEmptyDirectorySuggestsNothing() {
        let sized = [town("Nanning", "CN", 2_200_000)]
        #expect(PartnerSuggestion.suggestions(neighbourhood(twins: [:], sized: sized, homePopulation: nil)).isEmpty)
        #expect(PartnerSuggestion.suggestions(neighbourhood(twins: [:])).isEmpty)
    }
}
