import KembarCore
import KembarTestSupport
import Testing

/// Partnerships with other histories must get other verdicts (EVALUATION.md).
@Suite struct ContrastingCaseTests {
    static let asOf = RecordBuilder.day("2025-06-01")

    /// Yearly joint meetings alternating between the cities, balanced visits and costs, benefits
    /// both ways, citizens and schools helping plan, leaders taking part, results evidenced.
    static func healthy(benefitsToPartner: Bool = true, communityPlans: Bool = true) -> RecordBuilder {
        var builder = RecordBuilder()
        builder.agreement(signed: "2015-09-01")
        builder.yearlyMeeting(from: "2016")
        builder.document("minutes")
        for year in 2016...2025 {
            let homeHosts = year % 2 == 0
            let planner: Participant.Role = communityPlans ? .planner : .participant
            builder.activity(
                "meeting-\(year)", "\(year)-03-10", kind: .meeting, host: homeHosts ? .home : .partner,
                initiator: .joint, fulfils: ["meeting"],
                participants: [
                    Participant(side: .home, group: .ngo, role: planner, count: 3),
                    Participant(side: .partner, group: .school, role: planner, count: 3),
                    Participant(side: .home, group: .leadership, role: .participant, count: 2),
                    Participant(side: .partner, group: .leadership, role: .participant, count: 2),
                ],
                costs: [
                    Cost(side: .home, amount: 100, currency: "USD", kind: .money),
                    Cost(side: .partner, amount: 100, currency: "USD", kind: .money),
                ],
                benefits: [Benefit(to: .home, kind: .learning)]
                    + (benefitsToPartner ? [Benefit(to: .partner, kind: .learning)] : []),
                results: [
                    ActivityResult(
                        kind: .outcome, directness: .direct, description: "Joint plan", planned: true, delivered: true,
                        quantity: Quantity(value: 3, unit: "projects"), evidence: ["minutes"], sustained: true)
                ])
            // Each year a youth exchange each way, planned and paid for by the visiting side.
            for visitor in Side.allCases {
                builder.activity(
                    "exchange-\(year)-\(visitor.rawValue)", "\(year)-\(visitor == .home ? "06" : "09")-15",
                    kind: .exchange,
                    areas: ["education-culture"], host: visitor == .home ? .partner : .home,
                    initiator: visitor == .home ? .home : .partner,
                    participants: [
                        Participant(side: visitor, group: .youth, role: planner, count: 20),
                        Participant(side: visitor, group: .citizens, role: .participant, count: 10),
                        Participant(side: visitor, group: .business, role: .participant, count: 2),
                    ],
                    costs: [Cost(side: visitor, amount: 50, currency: "USD", kind: .money)],
                    benefits: [Benefit(to: visitor, kind: .cultural)],
                    results: [
                        ActivityResult(
                            kind: .output, directness: .indirect, description: "Exchange",
                            quantity: Quantity(value: 20, unit: "students"), evidence: ["minutes"])
                    ])
            }
        }
        return builder
    }

    private func evaluate(_ builder: RecordBuilder, asOf: CalendarDay = ContrastingCaseTests.asOf)
        -> PartnershipEvaluation
    {
        try! Evaluator.evaluate(builder.record, asOf: asOf).partnerships[0]
    }

    @Test func aHealthyBalancedPartnershipMeetsEveryElement() {
        let result = evaluate(Self.healthy())
        for element in KeyElement.allCases {
            #expect(
                result.elements[element]?.status == .met,
                "\(element): \(result.elements[element]!.indicators.map { "\($0.id.rawValue) \($0.explanation)" })")
        }
        #expect(result.alarms.filter { $0.kind != .obligationDue }.isEmpty, "\(result.alarms)")
        #expect(result.vacuums.isEmpty)
        #expect(result.obligations.filter { $0.status == .met }.count == 10)
        #expect(!result.obligations.contains { $0.alternationBroken })
    }

    @Test func aPartnershipSignedAMonthAgoIsUnknownNotUnmet() {
        var builder = RecordBuilder()
        builder.agreement(signed: "2025-05-01")
        builder.yearlyMeeting(from: "2026")
        let result = evaluate(builder)
        #expect(result.elements[.tangibleResults]?.status == .unknown)
        #expect(result.elements[.commitment]?.status == .unknown)
        #expect(result.elements[.reciprocity]?.status == .unknown)
        #expect(result.elements[.communityParticipation]?.status == .unknown)
        #expect(result.elements[.commitment]?.indicators.first { $0.id == .c2 }?.hasData == false)
        #expect(!result.alarms.contains { $0.kind == .dormant || $0.kind == .areaNeverImplemented })
    }

    @Test func benefitsFlowingOneWayLeaveReciprocityUnmet() {
        var builder = Self.healthy(benefitsToPartner: false)
        for index in builder.partnership.activities.indices {
            builder.partnership.activities[index].benefits = [Benefit(to: .home, kind: .material)]
        }
        let result = evaluate(builder)
        #expect(result.elements[.reciprocity]?.status == .unmet)
        let r3 = result.elements[.reciprocity]?.indicators.first { $0.id == .r3 }
        #expect(r3?.value == 0)
        #expect(result.alarms.contains { $0.kind == .oneWayBenefits })
        #expect(result.elements[.commitment]?.status == .met)
    }

    @Test func anExpiredAgreementSoundsAndCountsAgainstCurrency() {
        var builder = Self.healthy()
        builder.partnership.agreements[0].validUntil = RecordBuilder.date("2023-12-31")
        let result = evaluate(builder)
        #expect(result.alarms.contains { $0.kind == .agreementExpired && $0.since == "2024-01-01" })
        let currency = result.elements[.mutualUnderstanding]?.indicators.first { $0.id == .u3 }
        #expect(currency?.value == 0.0)
        builder.partnership.agreements[0].validUntil = RecordBuilder.date("2025-08-15")
        let expiring = evaluate(builder)
        #expect(
            expiring.alarms.contains {
                $0.kind == .agreementExpiring && $0.due == "2025-08-15" && $0.message.contains("90-day")
            })
        #expect(!expiring.alarms.contains { $0.kind == .agreementExpired })
    }

    @Test func communityCoPlanningMeetsParticipationAndItsAbsenceDoesNot() {
        #expect(evaluate(Self.healthy()).elements[.communityParticipation]?.status == .met)
        let attendOnly = evaluate(Self.healthy(communityPlans: false))
        #expect(attendOnly.elements[.communityParticipation]?.status == .unmet)
        #expect(attendOnly.elements[.communityParticipation]?.cap?.indicator == .p2)
        #expect(attendOnly.alarms.contains { $0.kind == .noPublicTrace })
    }

    @Test func aPartnershipLivelyBeforeButSilentNowIsDormant() {
        var builder = Self.healthy()
        builder.partnership.activities.removeAll { $0.start.span.lowerBound.components.year > 2018 }
        let result = evaluate(builder)
        let dormant = result.alarms.first { $0.kind == .dormant }
        #expect(dormant?.since == "2018-09-16")
        #expect(result.vacuums.last?.ongoing == true)
        #expect(result.currentSilenceDays == Self.asOf - RecordBuilder.day("2018-09-15"))
        let continuity = result.elements[.commitment]?.indicators.first { $0.id == .c2 }
        #expect(continuity?.value == 3.0 / 11.0)
        #expect(result.elements[.commitment]?.status == .unmet)
        #expect(result.alarms.contains { $0.kind == .obligationMissed })
        // Its results, evidenced in the years it was alive, still count.
        #expect(result.elements[.tangibleResults]?.status == .met)
    }

    @Test func aMeetingHostedTwiceInARowByTheSameCityIsReported() {
        var builder = Self.healthy()
        if let index = builder.partnership.activities.firstIndex(where: { $0.id == "meeting-2023" }) {
            builder.partnership.activities[index].host = .home
        }
        let result = evaluate(builder)
        #expect(result.obligations.filter(\.alternationBroken).count == 2)
        #expect(result.elements[.commitment]?.indicators.first?.explanation.contains("twice in a row") == true)
    }

    @Test func aTerminatedPartnershipRaisesNoDormancyAlarm() {
        var builder = Self.healthy()
        builder.partnership.activities.removeAll { $0.start.span.lowerBound.components.year > 2018 }
        builder.partnership.stages.append(StageEvent(stage: .termination, date: RecordBuilder.date("2019-01")))
        #expect(!evaluate(builder).alarms.contains { $0.kind == .dormant })
    }
}
