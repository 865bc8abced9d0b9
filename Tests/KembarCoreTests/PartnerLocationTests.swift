import KembarCore
import Testing

@Suite struct PartnerLocationTests {
    static func city(_ name: String, _ population: Int, id: Int = 1) -> GazetteerCity {
        GazetteerCity(
            id: id, name: name, asciiName: name, country: "PH", population: population, timeZone: "Asia/Manila",
            coordinate: Coordinate(latitude: 15, longitude: 120))
    }

    static let partner = Partner(name: "San Fernando", country: "PH", kind: .city)

    @Test func oneCityOfTheNameIsTaken() {
        #expect(
            PartnerLocation.judge(Self.partner, candidates: [Self.city("San Fernando", 83_003)])
                == .found(Self.city("San Fernando", 83_003)))
    }

    @Test func theMostPopulousIsTakenOnlyWhenItOutnumbersTheNextTenToOne() {
        let big = Self.city("San Fernando", 251_248, id: 2)
        let small = Self.city("San Fernando", 23_706, id: 3)
        let middle = Self.city("San Fernando", 83_003, id: 1)
        #expect(PartnerLocation.judge(Self.partner, candidates: [small, big]) == .found(big))
        #expect(
            PartnerLocation.judge(Self.partner, candidates: [middle, big, small]) == .ambiguous([big, middle, small]))
    }

    @Test func nothingIsGuessedForANameNotFoundOrAPartnerThatIsNoCity() {
        #expect(PartnerLocation.judge(Self.partner, candidates: []) == .notFound)
        let province = Partner(name: "Gyeonggi", country: "KR", kind: .province)
        #expect(PartnerLocation.judge(province, candidates: [Self.city("Gyeonggi", 1)]) == .notACity)
    }

    @Test func aPartnersNameIsAlsoTriedWithoutTheWordsThatSayWhatItIs() {
        #expect(
            PartnerLocation.names(of: Partner(name: "Cotabato City", country: "PH", kind: .city)) == [
                "cotabato city", "cotabato",
            ])
        #expect(
            PartnerLocation.names(of: Partner(name: "Kota Liuzhou", country: "CN", kind: .city)) == [
                "kota liuzhou", "liuzhou",
            ])
        #expect(
            PartnerLocation.names(of: Partner(name: "City of Fort Worth", country: "US", kind: .city)) == [
                "city of fort worth", "fort worth",
            ])
        #expect(
            PartnerLocation.names(of: Partner(name: "Suwon-si", country: "KR", kind: .city)) == ["suwon si", "suwon"])
        #expect(PartnerLocation.names(of: Partner(name: "Namur", country: "BE", kind: .city)) == ["namur"])
    }

    @Test func theShippedFilesQuotedNamesAreRead() {
        let cities = GazetteerCity.read(
            csv: """
                name,ascii_name,country_code,population,timezone,latitude,longitude
                "Misato, Saitama","Misato, Saitama",JP,142145,Asia/Tokyo,35.84373,139.88347
                Liège,Liege,BE,195278,Europe/Brussels,50.63373,5.56749
                broken line
                """)
        #expect(cities.map(\.name) == ["Misato, Saitama", "Liège"])
        #expect(cities[1].searchKey == "liege")
        #expect(cities[1].id == 2)
    }
}
