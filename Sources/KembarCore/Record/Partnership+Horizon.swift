/// What a report written as of a past day may show of a partnership: the record as it could be
/// known then, with what was already planned for the twelve months after. A record dated beyond
/// that (an activity recorded years later, an agreement signed since) is not the report's to
/// show, and neither are references to it.
extension Partnership {
    /// The partnership without the records that begin after `horizon`, and without the links
    /// (fulfilled obligations, cited documents) that pointed to them.
    public func known(through horizon: CalendarDay) -> Partnership {
        func within(_ date: PartialDate?) -> Bool {
            date.map { $0.span.lowerBound <= horizon } ?? true
        }
        var known = self
        known.stages = stages.filter { within($0.date) }
        known.agreements = agreements.filter { within($0.signed) }
        let agreementIDs = Set(known.agreements.map(\.id))
        known.agreements = known.agreements.map { agreement in
            var agreement = agreement
            if let replaced = agreement.supersedes, !agreementIDs.contains(replaced) { agreement.supersedes = nil }
            return agreement
        }
        known.obligations = obligations.filter { agreementIDs.contains($0.agreement) && within($0.from) }
        known.documents = documents.filter { within($0.date) }
        let documentIDs = Set(known.documents.map(\.id))
        let obligationIDs = Set(known.obligations.map(\.id))
        known.activities = activities.filter { within($0.start) }.map { activity in
            var activity = activity
            activity.fulfils = activity.fulfils.filter(obligationIDs.contains)
            activity.documents = activity.documents.filter(documentIDs.contains)
            activity.results = activity.results.map { result in
                var result = result
                result.evidence = result.evidence.filter(documentIDs.contains)
                return result
            }
            return activity
        }
        known.assessments = assessments.filter { within($0.date) }.map { assessment in
            var assessment = assessment
            assessment.evidence = assessment.evidence.filter { documentIDs.contains($0.document) }
            return assessment
        }
        return known
    }
}
