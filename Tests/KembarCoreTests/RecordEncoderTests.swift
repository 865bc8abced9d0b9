import Foundation
import KembarCore
import KembarTestSupport
import Testing

@Suite struct RecordEncoderTests {
    @Test func writesTheDemoFileBackByteForByte() throws {
        let bytes = try Fixtures.demoBytes()
        #expect(RecordEncoder.encode(try RecordDecoder.decode(bytes)) == Array(bytes))
    }

    @Test func roundTripsASyntheticRecord() throws {
        let record = SyntheticRecord.make(.init(partnerships: 40, activities: 2_000, seed: 7))
        #expect(try RecordDecoder.decode(RecordEncoder.encode(record)) == record)
    }

    @Test func writesInPiecesTheSameBytesAsTheWholeTree() throws {
        let records = [
            try Fixtures.demoRecord(), SyntheticRecord.make(.init(partnerships: 300, activities: 9_000, seed: 3)),
            CooperationRecord(organization: Fixtures.minimalRecord().organization, partnerships: []),
        ]
        for record in records {
            var pieces = 0
            var streamed: [UInt8] = []
            RecordEncoder.write(record) { piece in
                pieces += 1
                streamed.append(contentsOf: piece)
            }
            #expect(streamed == JSONWriter.bytes(RecordEncoder.value(record)))
            if record.partnerships.count == 300 { #expect(pieces > 1) }
        }
    }

    @Test func decodesTheSameRecordFromBytesAsFromATree() throws {
        let bytes = RecordEncoder.encode(SyntheticRecord.make(.init(partnerships: 30, activities: 600, seed: 5)))
        #expect(try RecordDecoder.decode(bytes) == (try RecordDecoder.decode(try JSONParser.parse(bytes))))
    }

    @Test func writesExplicitNullsAndEmptyOptionalListsAsAbsent() throws {
        let value = try Fixtures.demoJSON()
            .replacing(["partnerships", 0, "agreements", 0, "validUntil"], with: .null)
            .replacing(["partnerships", 0, "activities", 0, "costs"], with: .array([]))
        let rewritten = RecordEncoder.encode(try RecordDecoder.decode(value))
        #expect(rewritten == Array(try Fixtures.demoBytes()))
    }

    @Test func keepsRequiredListsEvenWhenEmpty() throws {
        let text = String(decoding: RecordEncoder.encode(Fixtures.minimalRecord()), as: UTF8.self)
        #expect(text.contains(#""stages": []"#))
        #expect(text.contains(#""participants": []"#))
        #expect(!text.contains(#""costs""#))
    }

    @Test func keepsThePrecisionOfEveryDate() throws {
        let record = try Fixtures.demoRecord()
        let activities = record.partnerships[0].activities
        #expect(activities.first { $0.id == "pameran-lukisan-2019" }?.start.description == "2019-10")
        #expect(activities.first { $0.id == "belief-2018" }?.start.description == "2018")
        #expect(activities.first { $0.id == "studi-komparasi-guru" }?.start.description == "[2006-09-21..2010]")
    }
}

@Suite struct SyntheticRecordTests {
    @Test func isTheSameForTheSameParameters() {
        let parameters = SyntheticRecord.Parameters(partnerships: 12, activities: 300, seed: 42)
        #expect(
            RecordEncoder.encode(SyntheticRecord.make(parameters))
                == RecordEncoder.encode(SyntheticRecord.make(parameters)))
        #expect(
            SyntheticRecord.make(parameters) != SyntheticRecord.make(.init(partnerships: 12, activities: 300, seed: 43))
        )
    }

    @Test func hasTheRequestedSize() {
        let record = SyntheticRecord.make(.init(partnerships: 7, activities: 100))
        #expect(record.partnerships.count == 7)
        #expect(record.partnerships.reduce(0) { $0 + $1.activities.count } == 100)
    }
}
