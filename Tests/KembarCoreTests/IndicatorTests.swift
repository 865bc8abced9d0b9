import KembarCore
import KembarTestSupport
import Testing

/// One test per indicator formula, on small records whose right answer can be worked out by hand.
/// Evaluation date 2025-06-01; the default three-year window starts 2022-06-01.
@Suite struct IndicatorTests {
    static let asOf = RecordBuilder.day("2025-06-01")

    private func indicator(_ id: IndicatorID, _ builder: RecordBuilder, asOf: CalendarDay = IndicatorTests.asOf)
        -> IndicatorResult
    {
        let evaluation = try! Evaluator.evaluate(builder.record, asOf: asOf).partnerships[0]
        return evaluation.elements[id.element]!.indicators.first { $0.id == id }!
    }

    private func signed(_ date: String = "2010-01-15") -> RecordBuilder {
        var builder = RecordBuilder()
        builder.agreement(signed: date)
        return builder
    }

    private func people(
        _ side: Side, _ group: Participant.Group, _ role: Participant.Role = .participant, _ count: Int? = nil
    ) -> Participant {
        Participant(side: side, group: group, role: role, count: count)
    }

    @Test func c1CountsOccurrencesDueInTheWindowThatWereMet() {
        var builder = signed()
        builder.yearlyMeeting(from: "2011")
        builder.activity("m2022", "2022-10-01", kind: .meeting, fulfils: ["meeting"])
        builder.activity("m2024", "2024-04-01", kind: .meeting, host: .partner, fulfils: ["meeting"])
        let result = indicator(.c1, builder)
        // Due in the window: 2022, 2023, 2024 (2025 is still running); met: 2022, 2024.
        #expect(result.value == 2.0 / 3.0)
        #expect(result.explanation.contains("2 of 3"))
        #expect(result.explanation.contains("2 of 14 since 2011"))
        #expect(result.records.contains("meeting"))
        #expect(indicator(.c1, signed()).hasData == false)
    }

    @Test func c2CountsActiveCalendarYearsAndNoDataWhenYoung() {
        var builder = signed("2016-05-01")
        builder.activity("a", "2017-03")
        builder.activity("b", "2017-09")
        builder.activity("c", "[2019..2020]")
        builder.activity("d", "2020-02-02")
        // 2016–2025 is 10 years; active: 2017, and 2020 (which also covers the uncertain 2019–2020).
        #expect(indicator(.c2, builder).value == 0.2)
        #expect(indicator(.c2, signed("2025-01-10")).hasData == false)
    }

    @Test func c3AveragesTheShareOfActivitiesEachSideResourced() {
        var builder = signed()
        builder.activity("a", "2023-01-01", costs: [Cost(side: .home, amount: 10, currency: "IDR", kind: .money)])
        builder.activity(
            "b", "2024-01-01", costs: [Cost(side: .partner, amount: 2, currency: "days", kind: .staffDays)])
        builder.activity("c", "2024-05-01")
        builder.activity(
            "d", "2024-06-01",
            costs: [
                Cost(side: .home, amount: 1, currency: "IDR", kind: .money),
                Cost(side: .partner, amount: 1, currency: "IDR", kind: .money),
            ])
        // home resourced 2 of 4, partner 2 of 4.
        #expect(indicator(.c3, builder).value == 0.5)
        var none = signed()
        none.activity("a", "2024-01-01")
        #expect(indicator(.c3, none).hasData == false)
    }

    @Test func c4CountsYearsWithLeadersTakingPart() {
        var builder = signed("2021-01-01")
        builder.activity("a", "2021-05-01", participants: [people(.home, .leadership)])
        builder.activity("b", "2023-05-01", participants: [people(.partner, .government)])
        builder.activity("c", "2024-05-01", participants: [people(.partner, .leadership)])
        let result = indicator(.c4, builder)
        #expect(result.value == 2.0 / 5.0)
        #expect(result.score == 0.8)
    }

    @Test func c5ScoresPartnershipsPerOfficer() {
        var builder = signed()
        builder.organization.cooperationOfficers = 4
        builder.organization.cooperationCount = 31
        let bandung = indicator(.c5, builder)
        #expect(bandung.value == 7.75)
        #expect(abs(bandung.score! - 0.05) < 1e-9)
        builder.organization.cooperationCount = 12
        #expect(indicator(.c5, builder).score == 1)
        builder.organization.cooperationCount = 40
        #expect(indicator(.c5, builder).score == 0)
        builder.organization.cooperationOfficers = nil
        #expect(indicator(.c5, builder).hasData == false)
    }

    @Test func p1CountsDistinctCommunityGroupsOfTheHomeCity() {
        var builder = signed()
        builder.activity(
            "a", "2023-01-01",
            participants: [people(.home, .school), people(.home, .university), people(.home, .government)])
        builder.activity("b", "2024-01-01", participants: [people(.home, .ngo), people(.partner, .media)])
        let result = indicator(.p1, builder)
        #expect(result.value == 2)
        #expect(abs(result.score! - 2.0 / 3.0) < 1e-9)
    }

    @Test func p2CountsActivitiesCoPlannedWithCommunityActors() {
        var builder = signed()
        builder.activity("a", "2023-01-01", participants: [people(.home, .citizens, .planner)])
        builder.activity(
            "b", "2023-02-01", participants: [people(.home, .government, .planner), people(.home, .citizens)])
        builder.activity("c", "2023-03-01")
        builder.activity("d", "2023-04-01", participants: [people(.partner, .ngo, .planner)])
        let result = indicator(.p2, builder)
        #expect(result.value == 0.5)
        #expect(result.score == 1)
        #expect(result.records == ["a", "d"])
    }

    @Test func p3AveragesPublishedAndCountedShares() {
        var builder = signed()
        builder.activity("a", "2023-01-01", participants: [people(.home, .citizens, .participant, 30)], isPublic: true)
        builder.activity("b", "2023-02-01", isPublic: false)
        #expect(indicator(.p3, builder).value == 0.5)
    }

    @Test func u1ChecksTheEightEssentialsOfTheGoverningAgreement() {
        var builder = RecordBuilder()
        builder.agreement("old", signed: "2005-01-01", clauses: [])
        builder.agreement("new", signed: "2015-01-01", clauses: ["roles", "funding"])
        let result = indicator(.u1, builder)
        #expect(result.value == 4.0 / 8.0)
        #expect(result.records == ["new"])
        #expect(result.explanation.contains("missing: time frame, focal points, dispute resolution, review"))
    }

    @Test func u2CountsActivitiesServingAnAgreedArea() {
        var builder = signed()
        builder.activity("a", "2023-01-01", areas: ["economy"])
        builder.activity("b", "2023-02-01", areas: ["health"])
        builder.activity("c", "2023-03-01", areas: [])
        #expect(indicator(.u2, builder).value == 1.0 / 3.0)
    }

    @Test func u3WeighsForceAndReview() {
        var builder = signed()
        #expect(indicator(.u3, builder).value == 0.5)
        builder.partnership.stages.append(StageEvent(stage: .review, date: RecordBuilder.date("2024-03")))
        #expect(indicator(.u3, builder).value == 1)
        builder.partnership.agreements[0].validUntil = RecordBuilder.date("2025-05-31")
        #expect(indicator(.u3, builder).value == 0.5)
    }

    @Test func u4IsNoDataWithoutAnyMeetingAndCountsThemPerYear() {
        var builder = signed()
        builder.activity("visit", "2023-01-01")
        #expect(indicator(.u4, builder).hasData == false)
        builder.activity("old", "2015-01-01", kind: .meeting)
        #expect(indicator(.u4, builder).value == 0)
        builder.activity("call", "2023-05-01", kind: .communication)
        builder.activity("meet", "2024-05-01", kind: .meeting)
        builder.activity("meet2", "2025-05-01", kind: .meeting)
        #expect(indicator(.u4, builder).value == 1)
        #expect(indicator(.u4, builder).score == 0.5)
    }

    @Test func r1BalancesDelegationsAndVisitors() {
        var builder = signed()
        builder.activity(
            "in1", "2023-01-01", host: .home, participants: [people(.partner, .government, .participant, 10)])
        builder.activity(
            "in2", "2023-06-01", host: .home, participants: [people(.partner, .government, .participant, 10)])
        builder.activity(
            "out", "2024-01-01", host: .partner, participants: [people(.home, .government, .participant, 20)])
        // Delegations 2:1 → 1 − 1/3; visitors 20:20 → 1.
        #expect(abs(indicator(.r1, builder).value! - (2.0 / 3.0 + 1) / 2) < 1e-9)
    }

    @Test func r2BalancesCostsPerCurrency() {
        var builder = signed()
        builder.activity(
            "a", "2023-01-01",
            costs: [
                Cost(side: .home, amount: 300, currency: "USD", kind: .money),
                Cost(side: .partner, amount: 100, currency: "USD", kind: .money),
            ])
        // 3:1 is the unmet line.
        let result = indicator(.r2, builder)
        #expect(result.value == 0.5)
        #expect(EvaluationPolicy.standard.status(forScore: result.score!) == .unmet)
    }

    @Test func r3ScalesSoThatThreeToOneIsUnmetAndThreeToTwoIsMet() {
        func benefits(home: Int, partner: Int) -> IndicatorResult {
            var builder = signed()
            let flows =
                Array(repeating: Benefit(to: .home, kind: .learning), count: home)
                + Array(repeating: Benefit(to: .partner, kind: .economic), count: partner)
            builder.activity("a", "2023-01-01", benefits: flows)
            return indicator(.r3, builder)
        }
        let policy = EvaluationPolicy.standard
        #expect(policy.status(forScore: benefits(home: 3, partner: 1).score!) == .unmet)
        #expect(policy.status(forScore: benefits(home: 4, partner: 1).score!) == .unmet)
        #expect(policy.status(forScore: benefits(home: 2, partner: 1).score!) == .partial)
        #expect(policy.status(forScore: benefits(home: 3, partner: 2).score!) == .met)
        #expect(benefits(home: 2, partner: 2).score == 1)
        #expect(benefits(home: 0, partner: 0).hasData == false)
    }

    @Test func r4CountsAJointInitiativeHalfToEachSide() {
        var builder = signed()
        builder.activity("a", "2023-01-01", host: .online, initiator: .home)
        builder.activity("b", "2023-02-01", host: .online, initiator: .joint)
        builder.activity("c", "2023-03-01", host: nil, initiator: nil)
        // Initiated 1.5 : 0.5 → balance 0.5; no hosting known.
        #expect(indicator(.r4, builder).value == 0.5)
    }

    private func withResults(_ results: [[ActivityResult]]) -> RecordBuilder {
        var builder = signed()
        builder.document("report")
        for (index, list) in results.enumerated() {
            builder.activity("a\(index)", "20\(15 + index)-01-01", results: list)
        }
        return builder
    }

    private func result(
        evidence: Bool = false, quantity: Bool = false, planned: Bool? = nil, delivered: Bool? = nil,
        sustained: Bool? = nil
    ) -> ActivityResult {
        ActivityResult(
            kind: .outcome, directness: .indirect, description: "r", planned: planned, delivered: delivered,
            quantity: quantity ? Quantity(value: 5, unit: "people") : nil, evidence: evidence ? ["report"] : [],
            sustained: sustained)
    }

    @Test func t1CountsActivitiesWithResultsOverTheWholeHistory() {
        let builder = withResults([[result()], [], [result(), result()], []])
        #expect(indicator(.t1, builder).value == 0.5)
    }

    @Test func t2CountsResultsWithEvidence() {
        let builder = withResults([[result(evidence: true)], [result(), result()], [result(evidence: true)]])
        #expect(indicator(.t2, builder).value == 0.5)
        #expect(indicator(.t2, withResults([[], []])).hasData == false)
    }

    @Test func t3CountsQuantifiedResults() {
        let builder = withResults([[result(quantity: true)], [result(), result(), result()]])
        #expect(indicator(.t3, builder).value == 0.25)
        #expect(indicator(.t3, builder).score == 0.5)
    }

    @Test func t4IsNoDataWithoutPlansAndCountsDeliveredPlans() {
        #expect(indicator(.t4, withResults([[result()]])).hasData == false)
        let builder = withResults([
            [result(planned: true, delivered: true)], [result(planned: true, delivered: false)],
            [result(planned: false, delivered: true)],
        ])
        #expect(indicator(.t4, builder).value == 0.5)
    }

    @Test func t5JudgesOnlyResultsOldEnoughToTell() {
        var builder = withResults([[result(sustained: true)], [result(sustained: false)], [result()]])
        #expect(indicator(.t5, builder).value == 0.5)
        builder.activity("recent", "2025-03-01", results: [result(sustained: false)])
        #expect(indicator(.t5, builder).value == 0.5)
    }
}
