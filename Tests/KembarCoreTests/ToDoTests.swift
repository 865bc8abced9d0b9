import KembarCore
import KembarTestSupport
import Testing

/// What the portfolio's "to act on" panel lists, from a partnership's record and evaluation.
@Suite struct ToDoTests {
    static let today = RecordBuilder.day("2026-11-29")

    static func items(_ partnership: Partnership, since: String?) -> [ToDoItem.Kind] {
        let record = CooperationRecord(
            organization: Organization(id: "o", name: "O", place: Place(name: "Home", country: "ID")),
            partnerships: [partnership])
        let evaluation = Evaluator.evaluate(partnership, of: record, asOf: today)
        return ToDo.items(
            partnership, evaluation: evaluation, asOf: today, since: since.map(RecordBuilder.day), policy: .standard
        ).map(\.kind)
    }

    @Test func listsWhatFallsDueWhatWasMissedSinceTheLastVisitAndWhatRunsOut() {
        var builder = RecordBuilder()
        builder.agreement(signed: "2015-03-01", until: "2027-04-30")
        builder.yearlyMeeting(from: "2016")
        builder.activity("meeting-2024", "2024-06-01", kind: .meeting, fulfils: ["meeting"])
        builder.activity("visit-2026", "2026-09-01")
        let partnership = builder.partnership
        let meeting = partnership.obligations[0]
        let items = Self.items(partnership, since: "2025-06-01")
        // The 2025 meeting was missed after the last visit; 2026's falls due within 90 days.
        #expect(items.contains(.obligationMissed(meeting, due: RecordBuilder.day("2025-12-31"))))
        #expect(!items.contains(.obligationMissed(meeting, due: RecordBuilder.day("2023-12-31"))))
        #expect(items.contains(.obligationDue(meeting, due: RecordBuilder.day("2026-12-31"))))
        #expect(items.contains(.agreementExpiring(partnership.agreements[0], on: RecordBuilder.day("2027-04-30"))))
        #expect(!items.contains { if case .turnedDormant = $0 { true } else { false } })
        // Seen after the 2025 meeting was missed: that is no news any more.
        #expect(
            !Self.items(partnership, since: "2026-01-15").contains {
                if case .obligationMissed = $0 { true } else { false }
            })
    }

    @Test func aPartnershipThatWentQuietSinceTheLastVisitIsSaidOnceAndAnEndedOneNotAtAll() {
        var builder = RecordBuilder()
        builder.agreement(signed: "2015-03-01", until: "2029-12-31")
        builder.activity("last", "2025-10-01")
        let partnership = builder.partnership
        // Silent since October 2025: past the 365 days in October 2026, after a visit in August.
        #expect(
            Self.items(partnership, since: "2026-08-01").contains {
                if case .turnedDormant = $0 { true } else { false }
            })
        #expect(
            !Self.items(partnership, since: "2026-11-01").contains {
                if case .turnedDormant = $0 { true } else { false }
            })
        // A first visit looks back 90 days.
        #expect(Self.items(partnership, since: nil).contains { if case .turnedDormant = $0 { true } else { false } })
        var ended = partnership
        ended.stages.append(StageEvent(stage: .termination, date: RecordBuilder.date("2026-01")))
        #expect(Self.items(ended, since: nil).isEmpty)
    }

    @Test func whatIsFurtherAheadWaits() {
        var builder = RecordBuilder()
        builder.agreement(signed: "2015-03-01", until: "2028-01-31")
        builder.activity("recent", "2026-10-01")
        #expect(Self.items(builder.partnership, since: nil).isEmpty)
    }
}
