import KembarCore
import KembarTestSupport
import Testing

/// Each test breaks one thing in the demo document and expects exactly that to be reported,
/// with its JSON path.
@Suite struct RecordDecoderTests {
    let liuzhou: [JSONPathStep] = ["partnerships", 0]

    private func issues(_ value: JSONValue) -> [ValidationIssue] {
        do {
            _ = try RecordDecoder.decode(value)
            return []
        } catch {
            return error.issues
        }
    }

    private func expectOnly(
        _ kind: ValidationIssue.Kind, at path: String, in value: JSONValue,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let found = issues(value)
        #expect(found.count == 1, "\(found)", sourceLocation: sourceLocation)
        #expect(found.first?.kind == kind, "\(found)", sourceLocation: sourceLocation)
        #expect(found.first?.path == path, "\(found)", sourceLocation: sourceLocation)
    }

    @Test func acceptsTheDemonstrationPortfolio() throws {
        let record = try RecordDecoder.decode(try Fixtures.demoBytes())
        #expect(record.organization.id == "bandung")
        #expect(record.partnerships.count == 10)
    }

    @Test func reportsAnUnknownFieldAndSuggestsTheRightOne() throws {
        let value = try Fixtures.demoJSON().replacing(liuzhou + ["activities", 0, "titel"], with: .string("x"))
        expectOnly(.unknownField, at: "$.partnerships[0].activities[0].titel", in: value)
        #expect(issues(value).first?.message.contains("did you mean \"title\"") == true)
    }

    @Test func reportsAMissingField() throws {
        let value = try Fixtures.demoJSON().replacing(liuzhou + ["activities", 2, "title"], with: nil)
        expectOnly(.missingField, at: "$.partnerships[0].activities[2].title", in: value)
        let noOrganization = try Fixtures.demoJSON().replacing(["organization"], with: nil)
        expectOnly(.missingField, at: "$.organization", in: noOrganization)
    }

    @Test func treatsNullAsMissingForRequiredFields() throws {
        let value = try Fixtures.demoJSON().replacing(liuzhou + ["kind"], with: .null)
        expectOnly(.missingField, at: "$.partnerships[0].kind", in: value)
    }

    @Test func reportsAValueOutsideItsEnumeration() throws {
        let value = try Fixtures.demoJSON().replacing(liuzhou + ["activities", 0, "kind"], with: .string("party"))
        expectOnly(.invalidValue, at: "$.partnerships[0].activities[0].kind", in: value)
        #expect(issues(value).first?.message.contains("visit, exchange") == true)
        let group = try Fixtures.demoJSON().replacing(
            liuzhou + ["activities", 0, "participants", 0, "group"], with: .string("aliens"))
        expectOnly(.invalidValue, at: "$.partnerships[0].activities[0].participants[0].group", in: group)
    }

    @Test func reportsAWrongType() throws {
        let value = try Fixtures.demoJSON().replacing(liuzhou + ["activities", 0, "public"], with: .string("yes"))
        expectOnly(.wrongType, at: "$.partnerships[0].activities[0].public", in: value)
        let notArray = try Fixtures.demoJSON().replacing(liuzhou + ["stages"], with: .object([]))
        expectOnly(.wrongType, at: "$.partnerships[0].stages", in: notArray)
    }

    @Test(arguments: [
        ("2021-02-30", ValidationIssue.Kind.impossibleDate), ("2021-13", .impossibleDate), ("21-2-3", .malformedDate),
        ("yesterday", .malformedDate),
    ])
    func reportsBadDates(text: String, kind: ValidationIssue.Kind) throws {
        let value = try Fixtures.demoJSON().replacing(liuzhou + ["activities", 6, "start"], with: .string(text))
        // The activity's end (2018) may now also be before its start; only the date itself is asked for here.
        #expect(issues(value).contains { $0.kind == kind && $0.path == "$.partnerships[0].activities[6].start" })
    }

    @Test func reportsAnEndBeforeTheStart() throws {
        let activity = try Fixtures.demoJSON().replacing(
            liuzhou + ["activities", 0, "end"], with: .string("2004-03-30"))
        expectOnly(.endBeforeStart, at: "$.partnerships[0].activities[0].end", in: activity)
        let agreement = try Fixtures.demoJSON().replacing(
            liuzhou + ["agreements", 0, "validUntil"], with: .string("2005"))
        expectOnly(.endBeforeStart, at: "$.partnerships[0].agreements[0].validUntil", in: agreement)
        let obligation = try Fixtures.demoJSON().replacing(
            liuzhou + ["obligations", 1, "until"], with: .string("2006"))
        expectOnly(.endBeforeStart, at: "$.partnerships[0].obligations[1].until", in: obligation)
    }

    @Test func allowsAnEndWithinTheSameYearAsAYearOnlyStart() throws {
        let value = try Fixtures.demoJSON().replacing(liuzhou + ["activities", 6, "end"], with: .string("2018-01-05"))
        #expect(issues(value).isEmpty)
    }

    @Test func reportsNegativeAndFractionalCounts() throws {
        let participants = try Fixtures.demoJSON().replacing(
            liuzhou + ["activities", 0, "participants", 0, "count"], with: .number(-3))
        expectOnly(.negativeNumber, at: "$.partnerships[0].activities[0].participants[0].count", in: participants)
        let officers = try Fixtures.demoJSON().replacing(["organization", "cooperationOfficers"], with: .number(-1))
        expectOnly(.negativeNumber, at: "$.organization.cooperationOfficers", in: officers)
        let half = try Fixtures.demoJSON().replacing(["organization", "cooperationOfficers"], with: .number(2.5))
        expectOnly(.notAnInteger, at: "$.organization.cooperationOfficers", in: half)
        let quantity = try Fixtures.demoJSON().replacing(
            liuzhou + ["activities", 8, "results", 0, "quantity", "value"], with: .number(-10))
        expectOnly(.negativeNumber, at: "$.partnerships[0].activities[8].results[0].quantity.value", in: quantity)
    }

    @Test func reportsDanglingReferences() throws {
        let cases: [([JSONPathStep], String)] = [
            (liuzhou + ["obligations", 0, "agreement"], "$.partnerships[0].obligations[0].agreement"),
            (liuzhou + ["activities", 0, "documents", 0], "$.partnerships[0].activities[0].documents[0]"),
            (
                liuzhou + ["activities", 6, "results", 0, "evidence", 0],
                "$.partnerships[0].activities[6].results[0].evidence[0]"
            ),
            (
                liuzhou + ["assessments", 0, "evidence", 0, "document"],
                "$.partnerships[0].assessments[0].evidence[0].document"
            ),
        ]
        for (path, expected) in cases {
            expectOnly(
                .danglingReference, at: expected, in: try Fixtures.demoJSON().replacing(path, with: .string("nowhere")))
        }
        let fulfils = try Fixtures.demoJSON().replacing(
            liuzhou + ["activities", 0, "fulfils"],
            with: .array([.string("jwg-meeting"), .string("no-such-obligation")]))
        expectOnly(.danglingReference, at: "$.partnerships[0].activities[0].fulfils[1]", in: fulfils)
        let supersedes = try Fixtures.demoJSON().replacing(
            liuzhou + ["agreements", 0, "supersedes"], with: .string("mou-1999"))
        expectOnly(.danglingReference, at: "$.partnerships[0].agreements[0].supersedes", in: supersedes)
    }

    @Test func findsReferencesOnlyWithinTheSamePartnership() throws {
        // "humas-2019" exists, but in the Braunschweig partnership, not in Liuzhou's.
        let value = try Fixtures.demoJSON().replacing(
            liuzhou + ["activities", 0, "documents", 0], with: .string("humas-2019"))
        expectOnly(.danglingReference, at: "$.partnerships[0].activities[0].documents[0]", in: value)
    }

    @Test func reportsDuplicateIds() throws {
        let activity = try Fixtures.demoJSON().replacing(
            liuzhou + ["activities", 1, "id"], with: .string("kunjungan-liuzhou-2004"))
        expectOnly(.duplicateId, at: "$.partnerships[0].activities[1].id", in: activity)
        let partnership = try Fixtures.demoJSON().replacing(
            ["partnerships", 3, "id"], with: .string("bandung-liuzhou"))
        expectOnly(.duplicateId, at: "$.partnerships[3].id", in: partnership)
    }

    @Test func reportsDuplicatePartnershipIdsWhenReadingBytes() throws {
        let bytes = JSONWriter.bytes(
            try Fixtures.demoJSON().replacing(["partnerships", 3, "id"], with: .string("bandung-liuzhou")))
        do {
            _ = try RecordDecoder.decode(bytes)
            Issue.record("accepted a duplicate partnership id")
        } catch {
            #expect(error.issues.map(\.path) == ["$.partnerships[3].id"])
        }
    }

    @Test func reportsPartnershipsThatAreNotAList() throws {
        let bytes = JSONWriter.bytes(try Fixtures.demoJSON().replacing(["partnerships"], with: .object([])))
        do {
            _ = try RecordDecoder.decode(bytes)
            Issue.record("accepted partnerships as an object")
        } catch {
            #expect(error.issues.map(\.kind) == [.wrongType])
        }
    }

    @Test func reportsAFieldGivenTwice() throws {
        let text =
            #"{"format": "kembar/1", "format": "kembar/1", "organization": {"id": "x", "name": "X", "place": {"name": "X", "country": "ID"}}, "partnerships": []}"#
        let found = issues(try JSONParser.parse(text))
        #expect(found.map(\.kind) == [.duplicateField])
        #expect(found.first?.path == "$.format")
    }

    @Test func checksCountriesCoordinatesAndCodes() throws {
        expectOnly(
            .invalidValue, at: "$.partnerships[0].partner.country",
            in: try Fixtures.demoJSON().replacing(liuzhou + ["partner", "country"], with: .string("China")))
        expectOnly(
            .outOfRange, at: "$.partnerships[0].partner.lat",
            in: try Fixtures.demoJSON().replacing(liuzhou + ["partner", "lat"], with: .number(124.3)))
        expectOnly(
            .missingField, at: "$.partnerships[0].partner.lon",
            in: try Fixtures.demoJSON().replacing(liuzhou + ["partner", "lon"], with: nil))
        expectOnly(
            .invalidValue, at: "$.partnerships[0].partner.wikidata",
            in: try Fixtures.demoJSON().replacing(liuzhou + ["partner", "wikidata"], with: .string("liuzhou")))
        expectOnly(
            .invalidValue, at: "$.partnerships[0].documents[0].language",
            in: try Fixtures.demoJSON().replacing(liuzhou + ["documents", 0, "language"], with: .string("Bahasa")))
    }

    @Test func rejectsEmptyNamesAndControlCharacters() throws {
        expectOnly(
            .emptyValue, at: "$.partnerships[0].activities[0].title",
            in: try Fixtures.demoJSON().replacing(liuzhou + ["activities", 0, "title"], with: .string("  ")))
        expectOnly(
            .invalidText, at: "$.partnerships[0].id",
            in: try Fixtures.demoJSON().replacing(liuzhou + ["id"], with: .string("bandung\nliuzhou")))
        expectOnly(
            .invalidText, at: "$.partnerships[0].activities[0].title",
            in: try Fixtures.demoJSON().replacing(liuzhou + ["activities", 0, "title"], with: .string("bell\u{7}")))
    }

    @Test func rejectsAnotherFormat() throws {
        expectOnly(
            .unsupportedFormat, at: "$.format",
            in: try Fixtures.demoJSON().replacing(["format"], with: .string("kembar/2")))
    }

    @Test func reportsSyntaxErrorsWithTheirPosition() {
        do {
            _ = try RecordDecoder.decode(Array("{\n  \"format\": kembar\n}".utf8))
            Issue.record("accepted invalid JSON")
        } catch {
            #expect(error.issues.count == 1)
            #expect(error.issues[0].kind == .syntax)
            #expect(error.issues[0].message.contains("line 2, column 13"))
        }
    }

    @Test func reportsEveryProblemInOnePass() throws {
        let value = try Fixtures.demoJSON()
            .replacing(liuzhou + ["activities", 0, "titel"], with: .string("x"))
            .replacing(liuzhou + ["activities", 1, "start"], with: .string("2021-02-30"))
            .replacing(liuzhou + ["obligations", 0, "agreement"], with: .string("nope"))
            .replacing(["partnerships", 2, "partner", "kind"], with: .string("village"))
            .replacing(["organization", "place", "country"], with: nil)
        let found = issues(value)
        #expect(
            Set(found.map(\.path)) == [
                "$.partnerships[0].activities[0].titel", "$.partnerships[0].activities[1].start",
                "$.partnerships[0].obligations[0].agreement", "$.partnerships[2].partner.kind",
                "$.organization.place.country",
            ])
    }

    @Test func leavesHostAndInitiatorUnknownWhenAbsent() throws {
        let record = try Fixtures.demoRecord()
        let zoo = try #require(record.partnerships[0].activities.first { $0.id == "kebun-binatang" })
        #expect(zoo.host == nil)
        #expect(zoo.initiator == nil)
    }
}
