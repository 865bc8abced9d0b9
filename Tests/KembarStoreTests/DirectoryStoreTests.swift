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
}
