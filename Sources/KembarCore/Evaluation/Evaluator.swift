/// Evaluates partnerships against the five UNDP key elements. Pure and deterministic: the same
/// record, date and policy always give the same evaluation, whatever the order of the records.
public enum Evaluator {
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case unknownPartnership(String)

        public var description: String {
            switch self {
            case .unknownPartnership(let id): "no partnership \"\(id)\" in the record"
            }
        }
    }

    /// Evaluates every partnership of `record` (or only those named), ordered by id.
    public static func evaluate(
        _ record: CooperationRecord, asOf: CalendarDay, policy: EvaluationPolicy = .standard,
        partnershipIDs: [String]? = nil
    ) throws(Failure) -> Evaluation {
        let each = try evaluateEach(record, asOf: asOf, policy: policy, partnershipIDs: partnershipIDs)
        return Evaluation(asOf: asOf, policy: policy, partnerships: Array(each))
    }

    /// The same evaluations, computed one at a time as they are read, so that a national record's
    /// results can be written out without all being held at once.
    public static func evaluateEach(
        _ record: CooperationRecord, asOf: CalendarDay, policy: EvaluationPolicy = .standard,
        partnershipIDs: [String]? = nil
    ) throws(Failure) -> LazyMapSequence<[Int], PartnershipEvaluation> {
        var selected = Array(record.partnerships.indices)
        if let partnershipIDs {
            let known = Set(record.partnerships.map(\.id))
            if let unknown = partnershipIDs.first(where: { !known.contains($0) }) { throw .unknownPartnership(unknown) }
            let wanted = Set(partnershipIDs)
            selected = selected.filter { wanted.contains(record.partnerships[$0].id) }
        }
        selected.sort { record.partnerships[$0].id < record.partnerships[$1].id }
        return selected.lazy.map { index in
            evaluate(record.partnerships[index], of: record, asOf: asOf, policy: policy)
        }
    }

    /// Evaluates one partnership of `record`.
    public static func evaluate(
        _ partnership: Partnership, of record: CooperationRecord, asOf: CalendarDay,
        policy: EvaluationPolicy = .standard
    ) -> PartnershipEvaluation {
        evaluate(
            partnership, organization: record.organization, partnershipCount: record.partnerships.count, asOf: asOf,
            policy: policy)
    }

    /// Evaluates one partnership of a government that keeps `partnershipCount` partnerships
    /// (the office's load), without the others at hand.
    public static func evaluate(
        _ partnership: Partnership, organization: Organization, partnershipCount: Int, asOf: CalendarDay,
        policy: EvaluationPolicy = .standard
    ) -> PartnershipEvaluation {
        let facts = PartnershipFacts(partnership: partnership, asOf: asOf, policy: policy)
        let load = organization.cooperationOfficers.map { officers in
            (partnerships: organization.cooperationsRun(recorded: partnershipCount), officers: officers)
        }
        let context = IndicatorContext(
            facts: facts, occurrences: ObligationSchedule.occurrences(facts), silence: Silence(facts), officeLoad: load,
            homeName: organization.place.name, partnerName: partnership.partner.name,
            flows: ReciprocityFlows(facts, window: facts.activityWindowPhrase))
        let results: [KeyElement: [IndicatorResult]] = [
            .commitment: CommitmentIndicators.all(context),
            .communityParticipation: CommunityIndicators.all(context),
            .mutualUnderstanding: UnderstandingIndicators.all(context),
            .reciprocity: ReciprocityIndicators.all(context),
            .tangibleResults: ResultsIndicators.all(context),
        ]
        var elements: [KeyElement: ElementVerdict] = [:]
        for (element, indicators) in results {
            elements[element] = ElementScoring.verdict(
                element, indicators: indicators, assessments: partnership.assessments, policy: policy)
        }
        return PartnershipEvaluation(
            id: partnership.id, elements: elements, vacuums: context.silence.vacuums,
            currentSilenceDays: context.silence.currentDays, obligations: context.occurrences,
            alarms: Alarms.all(context, elements: elements), reciprocity: context.flows,
            areas: AreaCoverage.all(facts))
    }
}
