import Foundation
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

@Suite struct DirectoryStoreTests {
    @Test func theShippedDirectoryIsLoadedLinkedAndSearchedFromEitherSide() async throws {
        try await TestDatabase.withMigrated { database in
            let store = DirectoryStore(database: database)
            #expect(try await store.isLoaded() == false)
            let text = try String(contentsOf: try DirectoryStore.shippedFile(), encoding: .utf8)
            let contents = try DirectoryFile.read(text)
            let linked = try await store.replace(with: contents.pairs, source: DirectoryStore.shippedSource)
            #expect(try await store.count() == contents.pairs.count)
            #expect(linked > contents.pairs.count)
            let twins = try await store.twins(of: "liuzhou", country: "CN")
            #expect(twins.contains { $0.twin.name == "Bandung" && $0.twin.country == "ID" })
            #expect(twins.allSatisfy { $0.town.name == "Liuzhou" && $0.source == DirectoryStore.shippedSource })
            // Bandung is on the second side of some pairs and the first of others.
            let bandung = try await store.twins(of: "Bandung", country: "ID")
            #expect(Set(bandung.map(\.twin.name)).isSuperset(of: ["Liuzhou", "Namur", "Suwon", "Fort Worth"]))
            #expect(try await store.twins(of: "Bandung", country: "JP").isEmpty)

            // Loading again replaces the directory whole.
            let one = try DirectoryFile.read("city1,country1,city2,country2\nLiuzhou,China,Passau,Germany\n")
            _ = try await store.replace(with: one.pairs, source: "test")
            #expect(try await store.count() == 1)
        }
    }

    @Test func theNeighbourhoodOfAGovernmentHoldsItsTwinsItsPartnersTwinsItsPeersTwinsAndTownsOfItsSize()
        async throws
    {
        try await TestDatabase.withMigrated { database in
            let store = DirectoryStore(database: database)
            let pairs = try DirectoryFile.read(
                """
                city1,country1,city2,country2
                Bandung,Indonesia,Fort Worth,United States
                Liuzhou,China,Surabaya,Indonesia
                Surabaya,Indonesia,Busan,South Korea
                Nanning,China,Passau,Germany
                Shanghai,China,Osaka,Japan
                Liuzhou,China,Bandung,Indonesia
                """
            ).pairs
            _ = try await store.replace(with: pairs, source: "test list")
            let around = try await store.neighbourhood(
                home: Place(name: "Bandung", country: "ID"),
                partners: [Partner(name: "Liuzhou", country: "CN", kind: .city)])
            #expect(around.twins["bandung|ID"]?.map(\.town.name).sorted() == ["Fort Worth", "Liuzhou"])
            #expect(around.twins["liuzhou|CN"]?.map(\.town.name).sorted() == ["Bandung", "Surabaya"])
            #expect(around.twins["surabaya|ID"]?.map(\.town.name).sorted() == ["Busan", "Liuzhou"])
            // Bandung's population from the gazetteer; Nanning is within a factor of two, Shanghai not.
            let home = try #require(around.homePopulation)
            #expect(home > 1_000_000)
            #expect(around.sized.map(\.town.name).contains("Nanning"))
            #expect(!around.sized.map(\.town.name).contains("Shanghai"))
            #expect(around.sized.allSatisfy { $0.town.country == "CN" })
            #expect(around.twins["busan|KR"] == nil)
        }
    }
}
