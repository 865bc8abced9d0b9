import KembarCore
import KembarTestSupport
import Testing

/// A report written as of a past day shows the record as it could be known then, with what was
/// planned for the twelve months after, and no reference to anything later.
struct KnownThroughTests {
    @Test func recordsBeginningAfterTheHorizonAreLeftOutWithTheLinksToThem() {
        var builder = RecordBuilder()
        builder.agreement(signed: "2015", until: "2030-12-31")
        builder.agreement("loi-2027", signed: "2027-03-01", type: .loi)
        builder.yearlyMeeting(from: "2016")
        builder.partnership.obligations.append(
            Obligation(
                id: "exchange", agreement: "loi-2027", title: "Yearly exchange", every: .year,
                from: RecordBuilder.date("2027")))
        builder.activity("visit-2022", "2022-05-10", fulfils: ["meeting"])
        builder.activity("visit-2023", "2023-09", fulfils: ["meeting"])
        builder.activity("visit-2026", "2026-11-12", fulfils: ["meeting", "exchange"])
        builder.partnership.documents = [
            Document(id: "minutes-2022", title: "Minutes 2022", kind: .minutes, date: RecordBuilder.date("2022-05-11")),
            Document(id: "report-2026", title: "Report 2026", kind: .report, date: RecordBuilder.date("2026-12")),
            Document(id: "undated", title: "Undated note", kind: .other),
        ]
        builder.partnership.activities[0].documents = ["minutes-2022", "report-2026"]
        builder.partnership.activities[0].results = [
            ActivityResult(
                kind: .output, directness: .direct, description: "Minutes", evidence: ["minutes-2022", "report-2026"])
        ]
        builder.partnership.stages = [
            StageEvent(stage: .signing, date: RecordBuilder.date("2015")),
            StageEvent(stage: .review, date: RecordBuilder.date("2026-12-01")),
        ]
        let known = builder.partnership.known(through: RecordBuilder.day("2023-12-31"))
        #expect(known.activities.map(\.id) == ["visit-2022", "visit-2023"])
        #expect(known.agreements.map(\.id) == ["mou"])
        #expect(known.obligations.map(\.id) == ["meeting"])
        #expect(known.documents.map(\.id) == ["minutes-2022", "undated"])
        #expect(known.stages.map(\.stage) == [.signing])
        #expect(known.activities[0].documents == ["minutes-2022"])
        #expect(known.activities[0].results[0].evidence == ["minutes-2022"])
        #expect(builder.partnership.known(through: RecordBuilder.day("2030-01-01")) == builder.partnership)
    }
}
