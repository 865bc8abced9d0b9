import KembarCore
import KembarStore
import KembarTestSupport
import Testing

@testable import KembarWeb

@Suite struct DirectoryPageTests {
    @Test func aPartnersOtherTwinsAreFoundFromItsPartnershipPage() async throws {
        try await WebHarness.with { site in
            let pairs = try DirectoryFile.read(
                "city1,country1,city2,country2\nLiuzhou,China,Bandung,Indonesia\nLiuzhou,China,Passau,Germany\nLiuzhou,Chile,Nowhere,Peru\n"
            ).pairs
            _ = try await DirectoryStore(database: site.database).replace(with: pairs, source: "test list")
            let partnership = try await site.get("/partnerships/bandung/bandung-liuzhou", language: "en")
            let href = "/directory?q=Liuzhou&amp;country=CN"
            #expect(partnership.html.contains("href=\"\(href)\""))
            #expect(partnership.text.contains("Other cities twinned with Liuzhou"))
            let page = try await site.get("/directory?q=Liuzhou&country=CN", language: "en")
            #expect(page.text.contains("2 twins of “Liuzhou”."))
            #expect(page.text.contains("Passau Germany test list"))
            #expect(!page.text.contains("Nowhere"))
            #expect(page.text.contains("Wikipedia contributors, via Hekman/twincities (CC BY-SA 4.0)"))
        }
    }
}
