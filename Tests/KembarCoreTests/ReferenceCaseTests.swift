import KembarCore
import KembarTestSupport
import Testing

/// Bandung–Liuzhou as of the paper's interview (2022-05-11) must reach the paper's findings from
/// the records, through the indicators (EVALUATION.md, "The reference case").
@Suite struct ReferenceCaseTests {
    let evaluation: PartnershipEvaluation

    init() throws {
        let record = try Fixtures.demoRecord()
        let result = try Evaluator.evaluate(
            record, asOf: RecordBuilder.day("2022-05-11"), partnershipIDs: ["bandung-liuzhou"])
        evaluation = try #require(result.partnerships.first)
    }

    private func indicator(_ id: IndicatorID) -> IndicatorResult {
        evaluation.elements[id.element]!.indicators.first { $0.id == id }!
    }

    @Test func reachesThePapersFiveFindings() {
        #expect(evaluation.elements[.commitment]?.status == .unmet)
        #expect(evaluation.elements[.communityParticipation]?.status == .unmet)
        #expect(evaluation.elements[.mutualUnderstanding]?.status == .met)
        #expect(evaluation.elements[.reciprocity]?.status == .unmet)
        #expect(evaluation.elements[.tangibleResults]?.status == .partial)
    }

    @Test func reachesThemThroughTheIndicators() {
        #expect(indicator(.c1).value == 0)
        #expect(indicator(.c1).explanation.contains("0 of 15 since 2007"))
        #expect(indicator(.c5).value == 7.75)
        #expect(indicator(.p2).value == 0)
        #expect(indicator(.u1).value == 0.75)
        #expect(indicator(.r3).value == 0)
        #expect(indicator(.r3).records == ["pameran-lukisan-2019", "bantuan-masker-2020", "lomba-lagu-2022"])
        #expect(indicator(.t2).value == 0.5)
    }

    @Test func findsTheSevenYearVacuum() {
        #expect(evaluation.vacuums.first == VacuumPeriod(from: "2011", to: "2018", days: 2557, ongoing: false))
        #expect(evaluation.vacuums.contains { $0.from == "2021" && $0.to == "2022-04" })
    }

    @Test func findsTheYearlyMeetingMissedEveryYear() {
        let meetings = evaluation.obligations.filter { $0.obligation == "jwg-meeting" }
        let settled = meetings.filter { $0.status != .due }
        #expect(settled.count == 15)
        #expect(settled.allSatisfy { $0.status == .missed })
        #expect(settled.first?.due == RecordBuilder.day("2007-12-31"))
        #expect(meetings.last?.status == .due)
        #expect(evaluation.alarms.contains { $0.kind == .obligationMissed && $0.message.contains("15 of 15") })
    }

    @Test func raisesTheAlarmsThePaperDescribes() {
        let kinds = Set(evaluation.alarms.map(\.kind))
        #expect(
            kinds.isSuperset(of: [
                .obligationMissed, .areaNeverImplemented, .oneWayBenefits, .noPublicTrace, .undocumentedResults,
                .officeOverloaded,
            ]))
        #expect(!kinds.contains(.dormant))
        #expect(
            evaluation.alarms.contains { $0.kind == .areaNeverImplemented && $0.message.contains("science-technology") }
        )
    }

    @Test func doesNotTakeItsVerdictFromTheStoredAssessments() throws {
        var record = try Fixtures.demoRecord()
        for index in record.partnerships.indices { record.partnerships[index].assessments = [] }
        let without = try Evaluator.evaluate(
            record, asOf: RecordBuilder.day("2022-05-11"), partnershipIDs: ["bandung-liuzhou"])
        let statuses = without.partnerships[0].elements.mapValues(\.status)
        #expect(statuses == evaluation.elements.mapValues(\.status))
        #expect(evaluation.elements[.commitment]?.assessment?.status == .unmet)
        #expect(without.partnerships[0].elements[.commitment]?.assessment == nil)
    }

    @Test func writesInPiecesTheSameBytesAsTheWholeTree() throws {
        let record = SyntheticRecord.make(.init(partnerships: 400, activities: 8_000, seed: 9))
        let evaluation = try Evaluator.evaluate(record, asOf: RecordBuilder.day("2026-01-01"))
        #expect(EvaluationEncoder.encode(evaluation) == JSONWriter.bytes(EvaluationEncoder.value(evaluation)))
        var pieces = 0
        EvaluationEncoder.write(
            try Evaluator.evaluateEach(record, asOf: RecordBuilder.day("2026-01-01")), asOf: evaluation.asOf,
            policy: evaluation.policy
        ) { _ in pieces += 1 }
        #expect(pieces > 1)
    }

    @Test func writesTheContractsJSON() throws {
        let record = try Fixtures.demoRecord()
        let result = try Evaluator.evaluate(
            record, asOf: RecordBuilder.day("2022-05-11"), partnershipIDs: ["bandung-liuzhou"])
        let json = try JSONParser.parse(EvaluationEncoder.encode(result))
        #expect(json.value(at: ["asOf"]) == .string("2022-05-11"))
        #expect(json.value(at: ["policy", "name"]) == .string("default"))
        #expect(json.value(at: ["policy", "dormancyDays"]) == .number(365))
        #expect(json.value(at: ["policy", "windowYears"]) == .number(3))
        #expect(json.value(at: ["policy", "weights", "C1"]) == .number(1))
        let commitment: [JSONPathStep] = ["partnerships", 0, "elements", "commitment"]
        #expect(json.value(at: ["partnerships", 0, "id"]) == .string("bandung-liuzhou"))
        #expect(json.value(at: commitment + ["status"]) == .string("unmet"))
        #expect(json.value(at: commitment + ["coverage"]) == .number(0.8))
        #expect(json.value(at: commitment + ["indicators", 0, "id"]) == .string("C1"))
        #expect(json.value(at: commitment + ["indicators", 0, "name"]) == .string("obligation fulfilment"))
        #expect(json.value(at: commitment + ["indicators", 0, "threshold"]) == .number(0.5))
        #expect(json.value(at: commitment + ["indicators", 0, "records", 0]) == .string("jwg-meeting"))
        #expect(
            json.value(at: ["partnerships", 0, "vacuums", 0])
                == .object([.init("from", .string("2011")), .init("to", .string("2018")), .init("days", .number(2557))])
        )
        #expect(json.value(at: ["partnerships", 0, "alarms", 0, "kind"]) == .string("obligation-missed"))
        for element in KeyElement.allCases {
            #expect(json.value(at: ["partnerships", 0, "elements", .key(element.rawValue), "score"]) != nil)
        }
    }
}
