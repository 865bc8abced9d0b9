import KembarCore
import Testing

@Suite struct DirectoryFileTests {
    static let header = "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"

    @Test func pairsAreReadWithTheirCountriesAsCodesWhereTheTextAllows() throws {
        let contents = try DirectoryFile.read(
            Self.header + """
                Liuzhou,China,24.3278,109.4278,Bandung,Indonesia,-6.9218,107.6071
                Bath,England,51.38,-2.36,"Albany, New York",United States,42.65,-73.75
                Tbilisi,Georgia (country),41.7,44.8,Mostar,Bosnia and Herzegovina,43.34,17.8
                Nienburg,Germany,52.6,9.2,Nienburg,Germany,52.6,9.2
                Somewhere,Atlantis,0,0,Elsewhere,Northern Cyprus,0,0
                broken,line
                """)
        #expect(contents.pairs.count == 4)
        #expect(contents.pairs.map(\.first.country) == ["CN", "GB", "GE", nil])
        #expect(contents.pairs.map(\.second.country) == ["ID", "US", "BA", nil])
        #expect(contents.pairs[1].second.name == "Albany, New York")
        #expect(contents.pairs[0].first.coordinate == Coordinate(latitude: 24.3278, longitude: 109.4278))
        #expect(contents.selfPairs == 1)
        #expect(contents.malformedLines == 1)
        #expect(contents.unknownCountries == 2)
    }

    @Test func theRawFormWithoutCoordinatesIsReadToo() throws {
        let contents = try DirectoryFile.read("city1,country1,city2,country2\nLiuzhou,China,Bandung,Indonesia\n")
        #expect(contents.pairs.first?.second.name == "Bandung")
        #expect(contents.pairs.first?.second.coordinate == nil)
    }

    @Test func aFileWithOtherColumnsIsRefused() {
        #expect(throws: DirectoryFile.Failure.wrongColumns(found: "name,country,partner")) {
            try DirectoryFile.read("name,country,partner\nLiuzhou,China,Bandung\n")
        }
        #expect(throws: DirectoryFile.Failure.wrongColumns(found: "")) { try DirectoryFile.read("") }
    }
}
