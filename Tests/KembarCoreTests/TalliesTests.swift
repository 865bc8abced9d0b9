import KembarCore
import KembarTestSupport
import Testing

/// What the partnership page draws comes from the evaluation: the reciprocity flows of the
/// indicators' window, the areas under the policy in force, and whether an indicator was met.
/// Evaluation date 2025-06-01; the default three-year window starts 2022-06-01.
@Suite struct TalliesTests {
    static let asOf = RecordBuilder.day("2025-06-01")

    private func evaluate(_ builder: RecordBuilder, policy: EvaluationPolicy = .standard) -> PartnershipEvaluation {
        try! Evaluator.evaluate(builder.record, asOf: Self.asOf, policy: policy).partnerships[0]
    }

    private func delegation(from side: Side, _ count: Int? = nil) -> [Participant] {
        [Participant(side: side, group: .government, role: .participant, count: count)]
    }

    @Test func theFlowsCountOnlyTheWindowR1ToR3Judge() {
        var builder = RecordBuilder()
        builder.agreement(signed: "2010-01-15")
        builder.activity("old", "2015-05-01", host: .partner, participants: delegation(from: .home, 30))
        builder.activity(
            "in", "2023-05-01", host: .home, participants: delegation(from: .partner, 6),
            benefits: [Benefit(to: .home, kind: .learning), Benefit(to: .partner, kind: .cultural)])
        builder.activity(
            "out", "2024-09-01", host: .partner, participants: delegation(from: .home),
            costs: [Cost(side: .home, amount: 900, currency: "IDR", kind: .money)])
        let evaluation = evaluate(builder)
        let flows = evaluation.reciprocity
        #expect(flows.delegationsSent == [.home: 1, .partner: 1])
        #expect(flows.membersSent == [.home: 0, .partner: 6])
        #expect(flows.membersCounted == [.home: false, .partner: true])
        #expect(flows.costs.map(\.unit) == ["IDR"])
        #expect(flows.costs.first?.home == 900)
        #expect(flows.benefitsToHome == 1)
        #expect(flows.benefitsToPartner == 1)
        #expect(PhraseRenderer.english.render(flows.window) == "the last 3 years")
        let r1 = evaluation.elements[.reciprocity]!.indicators.first { $0.id == .r1 }!
        #expect(r1.records == ["in", "out"])
    }

    @Test func aDormantPartnershipsFlowsAreThoseOfItsLastYearsOfWork() {
        var builder = RecordBuilder()
        builder.agreement(signed: "2010-01-15")
        builder.activity("earlier", "2012-05-01", host: .home, participants: delegation(from: .partner))
        builder.activity("last", "2019-05-01", host: .home, participants: delegation(from: .partner))
        let flows = evaluate(builder).reciprocity
        #expect(flows.delegationsSent[.partner] == 1)
        #expect(PhraseRenderer.english.render(flows.window).hasPrefix("the 3 years up to"))
    }

    @Test func theAreasFollowThePolicysCatchAllRuleAsTheAlarmDoes() {
        var builder = RecordBuilder()
        builder.agreement(signed: "2015-01-15", areas: ["economy", "tourism", "other"])
        builder.activity("trade", "2020-03-01", areas: ["economy"])
        builder.activity("before", "2014-03-01", areas: ["tourism"])
        builder.activity("sport", "2021-03-01", areas: ["sport"])
        var policy = EvaluationPolicy.standard
        for catchAll in [["other"], [], ["tourism", "other"]] {
            policy.catchAllAreas = catchAll
            let evaluation = evaluate(builder, policy: policy)
            let flagged = evaluation.areas.filter(\.neverImplemented).map(\.area)
            let alarmed = evaluation.alarms.filter { $0.kind == .areaNeverImplemented }.map {
                PhraseRenderer.english.render($0.phrases)
            }
            #expect(flagged.count == alarmed.count)
            for area in flagged { #expect(alarmed.contains { $0.contains(area) }) }
            #expect(flagged == ["tourism", "other"].filter { !catchAll.contains($0) })
        }
        let areas = evaluate(builder).areas
        #expect(areas.map(\.area) == ["economy", "tourism", "other", "sport"])
        #expect(areas.map(\.agreed) == [true, true, true, false])
        #expect(areas.map(\.activities) == [1, 1, 0, 1])
        // Tourism was served once, before the agreement it is now judged under.
        #expect(areas[1].neverImplementedSince == RecordBuilder.date("2015-01-15"))
        #expect(areas[1].lastActivity == RecordBuilder.date("2014-03-01"))
    }

    @Test func metMeansReachingTheThresholdOrForTheOfficesLoadStayingUnderIt() {
        let r1 = IndicatorResult(id: .r1, value: 0.8, score: 1, threshold: 0.8, records: [], phrases: [])
        #expect(r1.isMet == true)
        var below = r1
        below.value = 0.79
        #expect(below.isMet == false)
        let c5 = IndicatorResult(id: .c5, value: 9, score: 0.2, threshold: 8, records: [], phrases: [])
        #expect(c5.isMet == false)
        var light = c5
        light.value = 8
        #expect(light.isMet == true)
        var unknown = r1
        unknown.value = nil
        #expect(unknown.isMet == nil)
    }
}
