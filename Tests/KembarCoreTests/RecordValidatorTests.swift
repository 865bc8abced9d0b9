import KembarCore
import KembarTestSupport
import Testing

/// The checks on typed values (what a form or the API builds) find what an import of the same
/// partnership written as JSON finds: the same issues, kinds and paths.
@Suite struct RecordValidatorTests {
    private static func liuzhou() throws -> (Organization, Partnership) {
        let record = try Fixtures.demoRecord()
        return (record.organization, record.partnerships[0])
    }

    /// What the decoder says of the partnership, written out as a one-partnership document.
    private func decoderIssues(_ partnership: Partnership, of organization: Organization) -> [ValidationIssue] {
        do {
            _ = try RecordDecoder.decode(
                RecordEncoder.value(CooperationRecord(organization: organization, partnerships: [partnership])))
            return []
        } catch {
            return error.issues
        }
    }

    @Test func everyDemoPartnershipPasses() throws {
        for partnership in try Fixtures.demoRecord().partnerships {
            #expect(RecordValidator.issues(of: partnership).isEmpty, "\(partnership.id)")
        }
    }

    @Test(
        arguments: [
            "control character in a title", "empty title", "id with spaces around", "negative head count",
            "negative cost", "not a currency", "end before start", "duplicate activity id", "unknown obligation",
            "unknown document", "agreement superseding itself", "agreement expiring before signing",
            "latitude out of range", "not a Wikidata id", "not a language tag", "not a country", "empty area",
        ])
    func findsWhatTheDecoderFinds(_ breakage: String) throws {
        let (organization, original) = try Self.liuzhou()
        var partnership = original
        switch breakage {
        case "control character in a title": partnership.activities[0].title = "Visit\u{7}"
        case "empty title": partnership.activities[1].title = "   "
        case "id with spaces around": partnership.activities[2].id = " spaced "
        case "negative head count": partnership.activities[0].participants[0].count = -3
        case "negative cost":
            partnership.activities[0].costs = [Cost(side: .home, amount: -1, currency: "IDR", kind: .money)]
        case "not a currency":
            partnership.activities[0].costs = [Cost(side: .home, amount: 5, currency: "rupiah", kind: .money)]
        case "end before start":
            partnership.activities[0].end = try PartialDate(parsing: "1999")
        case "duplicate activity id": partnership.activities[3].id = partnership.activities[1].id
        case "unknown obligation": partnership.activities[0].fulfils = ["no-such-meeting"]
        case "unknown document": partnership.activities[0].documents = ["no-such-document"]
        case "agreement superseding itself": partnership.agreements[0].supersedes = partnership.agreements[0].id
        case "agreement expiring before signing":
            partnership.agreements[0].validUntil = try PartialDate(parsing: "1990")
        case "latitude out of range":
            partnership.partner.coordinate = Coordinate(latitude: 123, longitude: 10)
        case "not a Wikidata id": partnership.partner.wikidata = "Q0123"
        case "not a language tag":
            partnership.documents[0].language = "Bahasa"
        case "not a country": partnership.partner.country = "XX"
        case "empty area": partnership.agreements[0].areas.append("")
        default: Issue.record("no such breakage: \(breakage)")
        }
        let found = RecordValidator.issues(of: partnership)
        #expect(!found.isEmpty)
        #expect(found == decoderIssues(partnership, of: organization))
    }

    @Test func aNumberJSONCannotCarryIsRefused() throws {
        var (_, partnership) = try Self.liuzhou()
        partnership.activities[0].costs = [Cost(side: .home, amount: .infinity, currency: "IDR", kind: .money)]
        #expect(
            RecordValidator.issues(of: partnership).map(\.path) == ["$.partnerships[0].activities[0].costs[0].amount"])
    }
}
