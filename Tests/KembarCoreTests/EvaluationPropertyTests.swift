import KembarCore
import KembarTestSupport
import Testing

/// Properties that must hold for every record, checked on many generated ones.
@Suite struct EvaluationPropertyTests {
    static let asOf = RecordBuilder.day("2026-01-01")
    static let seeds: [UInt64] = Array(1...40)

    private static func randomDate(_ random: inout SeededGenerator) -> PartialDate {
        let year = Int.random(in: 1990...2025, using: &random)
        let month = Int.random(in: 1...12, using: &random)
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return PartialDate(DatePoint(year: year))
        case 1: return PartialDate(DatePoint(year: year, month: month)!)
        case 2: return .range(earliest: DatePoint(year: year), latest: DatePoint(year: min(year + 3, 2025)))
        default: return PartialDate(DatePoint(year: year, month: month, day: Int.random(in: 1...28, using: &random))!)
        }
    }

    @Test(arguments: seeds)
    func addingAnActivityNeverLengthensTheCurrentSilence(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let record = SyntheticRecord.make(
            .init(partnerships: 4, activities: Int.random(in: 0...40, using: &random), seed: seed))
        for partnership in record.partnerships {
            let before = Evaluator.evaluate(partnership, of: record, asOf: Self.asOf).currentSilenceDays
            var extended = partnership
            extended.activities.append(
                Activity(
                    id: "added", title: "Added", start: Self.randomDate(&random), kind: .visit, host: nil,
                    initiator: nil, isPublic: false))
            let after = Evaluator.evaluate(extended, of: record, asOf: Self.asOf).currentSilenceDays
            if let before {
                #expect(
                    after.map { $0 <= before } ?? false, "silence grew from \(before) to \(String(describing: after))")
            }
        }
    }

    private static func mirrored(_ activity: Activity) -> Activity {
        func swap(_ side: Side) -> Side { side == .home ? .partner : .home }
        var mirror = activity
        mirror.id = "mirror-" + activity.id
        mirror.host =
            switch activity.host {
            case .home: .partner
            case .partner: .home
            default: activity.host
            }
        mirror.initiator =
            switch activity.initiator {
            case .home: .partner
            case .partner: .home
            default: activity.initiator
            }
        mirror.participants = activity.participants.map {
            Participant(side: swap($0.side), group: $0.group, role: $0.role, count: $0.count)
        }
        mirror.costs = activity.costs.map {
            Cost(side: swap($0.side), amount: $0.amount, currency: $0.currency, kind: $0.kind)
        }
        mirror.benefits = activity.benefits.map { Benefit(to: swap($0.to), kind: $0.kind, description: $0.description) }
        return mirror
    }

    @Test(arguments: seeds)
    func mirrorImageFlowsGivePerfectBalance(seed: UInt64) throws {
        let record = SyntheticRecord.make(.init(partnerships: 3, activities: 60, seed: seed))
        for var partnership in record.partnerships {
            partnership.activities += partnership.activities.map(Self.mirrored)
            let reciprocity = Evaluator.evaluate(partnership, of: record, asOf: Self.asOf).elements[.reciprocity]!
            for indicator in reciprocity.indicators where indicator.hasData {
                #expect(indicator.value == 1, "\(indicator.id.rawValue): \(indicator.explanation)")
                #expect(indicator.score == 1)
            }
        }
    }

    @Test(arguments: seeds)
    func theOrderOfRecordsDoesNotMatter(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed &+ 1000)
        let record = SyntheticRecord.make(.init(partnerships: 5, activities: 80, seed: seed))
        var shuffled = record
        shuffled.partnerships.shuffle(using: &random)
        for index in shuffled.partnerships.indices {
            shuffled.partnerships[index].activities.shuffle(using: &random)
            shuffled.partnerships[index].agreements.shuffle(using: &random)
            shuffled.partnerships[index].obligations.shuffle(using: &random)
            shuffled.partnerships[index].documents.shuffle(using: &random)
            shuffled.partnerships[index].stages.shuffle(using: &random)
            shuffled.partnerships[index].assessments.shuffle(using: &random)
            for activity in shuffled.partnerships[index].activities.indices {
                shuffled.partnerships[index].activities[activity].participants.shuffle(using: &random)
                shuffled.partnerships[index].activities[activity].costs.shuffle(using: &random)
                shuffled.partnerships[index].activities[activity].benefits.shuffle(using: &random)
            }
        }
        let original = try Evaluator.evaluate(record, asOf: Self.asOf)
        let reordered = try Evaluator.evaluate(shuffled, asOf: Self.asOf)
        #expect(original == reordered)
        #expect(EvaluationEncoder.encode(original) == EvaluationEncoder.encode(reordered))
    }

    @Test(arguments: seeds)
    func scoresAndCoverageStayWithinTheirRanges(seed: UInt64) throws {
        let record = SyntheticRecord.make(.init(partnerships: 4, activities: 50, seed: seed))
        for partnership in try Evaluator.evaluate(record, asOf: Self.asOf).partnerships {
            for verdict in partnership.elements.values {
                #expect((0...1).contains(verdict.coverage))
                if let score = verdict.score { #expect((0...1).contains(score)) }
                for indicator in verdict.indicators {
                    if let score = indicator.score { #expect((0...1).contains(score), "\(indicator.id.rawValue)") }
                    #expect(indicator.hasData == (indicator.value != nil))
                }
                #expect(verdict.status != .unknown || verdict.coverage < EvaluationPolicy.standard.minimumCoverage)
            }
        }
    }
}
