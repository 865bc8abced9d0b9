import HTTPTypes
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

/// Who else at home works with a partner's country: other governments in Kembar's records, and
/// home towns twinned there in the directory.
@Suite struct CountryPeersPageTests {
    @Test func otherGovernmentsAndTownsWithAPartnerInTheCountryAreListed() async throws {
        var solo = Fixtures.minimalRecord(organization: "kota-solo", partnership: "solo-liuzhou")
        solo.organization.name = "Pemerintah Kota Surakarta"
        solo.partnerships[0].partner = Partner(name: "Liuzhou", country: "CN", kind: .city)
        var tokyo = Fixtures.minimalRecord(organization: "kota-x", partnership: "x-osaka")
        tokyo.organization.name = "Pemerintah Kota X"
        try await WebHarness.with(others: [solo, tokyo]) { site in
            let pairs = try DirectoryFile.read(
                "city1,country1,city2,country2\nSurabaya,Indonesia,Guangzhou,China\nBandung,Indonesia,Liuzhou,China\nMedan,Indonesia,Ichikawa,Japan\n"
            ).pairs
            _ = try await DirectoryStore(database: site.database).replace(with: pairs, source: "test list")
            let partnership = try await site.get("/partnerships/bandung/bandung-liuzhou", language: "en")
            #expect(partnership.html.contains("href=\"/directory?country=CN\""))
            let page = try await site.get("/directory?country=CN", language: "en")
            #expect(page.text.contains("Who else in Indonesia works with China"))
            #expect(page.text.contains("Pemerintah Kota Surakarta: 1 partnership"))
            // The government asking is not listed among the others, nor one without a partner there.
            #expect(!page.text.contains("Pemerintah Kota Bandung:"))
            #expect(!page.text.contains("Pemerintah Kota X"))
            #expect(page.text.contains("2 towns twinned with one of its towns: Bandung, Surabaya."))
        }
    }
}

/// The portfolio's partner suggestions, from the directory around the government's partners.
@Suite struct PartnerSuggestionsPageTests {
    @Test func thePortfolioSuggestsCitiesFromTheDirectoryEachWithItsReason() async throws {
        try await WebHarness.with { site in
            let pairs = try DirectoryFile.read(
                """
                city1,country1,city2,country2
                Liuzhou,China,Surabaya,Indonesia
                Surabaya,Indonesia,Busan,South Korea
                Liuzhou,China,Cincinnati,United States
                Liuzhou,China,Bandung,Indonesia
                Bandung,Indonesia,Fort Worth,United States
                """
            ).pairs
            _ = try await DirectoryStore(database: site.database).replace(with: pairs, source: "test list")
            let page = try await site.get("/", language: "en")
            #expect(page.text.contains("Cities you might look to as partners"))
            #expect(page.text.contains("Twinned with Surabaya, which like Bandung is twinned with Liuzhou."))
            #expect(page.text.contains("Twinned with your partner Liuzhou."))
            #expect(page.html.contains("href=\"/directory?q=Cincinnati&amp;country=US\""))
            // Fort Worth is already Bandung's partner in the record: the directory's word is not repeated.
            #expect(!page.text.contains("but your record has no partnership with it"))
            let indonesian = try await site.get("/", language: "id")
            #expect(indonesian.text.contains("Bersaudara dengan mitra Anda, Liuzhou."))
        }
    }

    @Test func withoutTheDirectoryThePortfolioSuggestsNothing() async throws {
        try await WebHarness.with { site in
            let page = try await site.get("/", language: "en")
            #expect(page.status == .ok)
            #expect(!page.text.contains("Cities you might look to as partners"))
        }
    }
}
