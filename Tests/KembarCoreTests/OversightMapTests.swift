import KembarCore
import KembarTestSupport
import Testing

/// The map above the offices: one line per partnership, or per pair of countries past the limit.
@Suite struct OversightMapTests {
    /// A government at `home` with partners at the given places (nil: a partner without coordinates).
    private func summary(_ id: String, home: Coordinate?, partners: [(String, Coordinate?)]) -> GovernmentSummary {
        var builder = RecordBuilder()
        builder.organization.id = id
        builder.organization.name = "Pemerintah \(id)"
        builder.organization.place = Place(name: id, country: "ID", coordinate: home)
        let record = CooperationRecord(
            organization: builder.organization,
            partnerships: partners.enumerated().map { index, partner in
                Partnership(
                    id: "p\(index)", kind: .sisterCity,
                    partner: Partner(name: "Mitra \(index)", country: partner.0, kind: .city, coordinate: partner.1))
            })
        return GovernmentSummary(record: record, evaluations: [:], today: RecordBuilder.day("2026-12-05"))
    }

    private let bandung = Coordinate(latitude: -6.9, longitude: 107.6)
    private let tokyo = Coordinate(latitude: 35.7, longitude: 139.7)

    @Test func underTheLimitEachLocatedPartnershipIsOneLineAndTheRestAreCounted() {
        let map = OversightMap(
            [
                summary("a", home: bandung, partners: [("JP", tokyo), ("CN", nil)]),
                summary("b", home: nil, partners: [("JP", tokyo)]),
            ], lineLimit: 5)
        guard case .partnerships(let lines, let unlocated) = map else {
            Issue.record("expected one line per partnership, got \(map)")
            return
        }
        #expect(lines.count == 1)
        #expect(lines.first?.government == "Pemerintah a")
        #expect(lines.first?.partner.country == "JP")
        #expect(unlocated == 2)
    }

    @Test func pastTheLimitLinesAreSummedByPairOfCountriesCountingEveryPartnership() {
        let map = OversightMap(
            [
                summary("a", home: bandung, partners: [("JP", tokyo), ("JP", tokyo), ("CN", nil), ("ID", bandung)]),
                summary("b", home: bandung, partners: [("JP", tokyo), ("KR", nil)]),
            ], lineLimit: 3)
        guard case .countries(let lines) = map else {
            Issue.record("expected lines between countries, got \(map)")
            return
        }
        // The partner at home draws no line; the unlocated ones in China and Korea still count.
        #expect(
            lines.map { "\($0.from)-\($0.to):\($0.partnerships)" } == ["ID-JP:3", "ID-CN:1", "ID-KR:1"])
        #expect(lines.allSatisfy { $0.critical == 0 })
    }

    @Test func exactlyAtTheLimitTheLinesAreStillDrawnOneByOne() {
        let map = OversightMap([summary("a", home: bandung, partners: [("JP", tokyo), ("JP", tokyo)])], lineLimit: 2)
        guard case .partnerships(let lines, _) = map else {
            Issue.record("expected one line per partnership, got \(map)")
            return
        }
        #expect(lines.count == 2)
    }
}
