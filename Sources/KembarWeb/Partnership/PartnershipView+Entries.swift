import KembarCore

/// The record entries that take more than a line to say: an agreement with its validity,
/// signatories and clauses, and an activity with its people, costs, benefits and results.
extension PartnershipView {
    static func agreement(
        _ agreement: Agreement, of agreements: [Agreement], org: String, partnership: String, words: Words
    ) -> RecordEntry {
        var facts = [
            Fact(label: words.text("field_agreement_type"), value: words.term(agreement.type, "agreement-type")),
            Fact(label: words.text("field_signed"), value: words.date(agreement.signed)),
        ]
        if let from = agreement.validFrom {
            facts.append(Fact(label: words.text("field_valid_from"), value: words.date(from)))
        }
        facts.append(
            Fact(
                label: words.text("field_valid_until"),
                value: agreement.validUntil.map(words.date) ?? words.text("no_end_date")))
        if let earlier = agreement.supersedes {
            facts.append(
                Fact(
                    label: words.text("field_supersedes"),
                    value: agreements.first { $0.id == earlier }.map(words.agreement) ?? earlier))
        }
        var lists: [FactList] = []
        if !agreement.signatories.isEmpty {
            lists.append(
                FactList(
                    label: words.text("field_signatories"),
                    items: agreement.signatories.map {
                        words.signatory($0)
                    }))
        }
        if !agreement.areas.isEmpty {
            lists.append(
                FactList(
                    label: words.text("field_areas"),
                    items: agreement.areas.map { words.term("area.\($0)", fallback: $0) }))
        }
        if !agreement.objectives.isEmpty {
            lists.append(FactList(label: words.text("field_objectives"), items: agreement.objectives))
        }
        if !agreement.clauses.isEmpty {
            lists.append(
                FactList(
                    label: words.text("field_clauses"),
                    items: agreement.clauses.map { words.term("clause.\($0)", fallback: $0) }))
        }
        return RecordEntry(
            anchor: SitePath.anchor("agreement", agreement.id),
            heading: words.agreement(agreement), facts: facts, lists: lists,
            editHref: SitePath.editRecord(org, partnership, "agreements", agreement.id))
    }

    static func activity(
        _ activity: Activity, org: String, partnership: Partnership, homeName: String, partnerName: String, words: Words
    ) -> RecordEntry {
        var facts = [
            Fact(
                label: words.text("field_start"),
                value: words.dates(of: activity)),
            Fact(label: words.text("field_activity_kind"), value: words.term(activity.kind, "activity-kind")),
            Fact(
                label: words.text("field_host"),
                value: words.host(activity.host, home: homeName, partner: partnerName)),
            Fact(
                label: words.text("field_initiator"),
                value: activity.initiator.map { initiator in
                    switch initiator {
                    case .home: homeName
                    case .partner: partnerName
                    case .joint: words.term(initiator, "initiator")
                    }
                } ?? words.text("unknown")),
            Fact(label: words.text("field_public"), value: words.text(activity.isPublic ? "yes" : "no")),
        ]
        if !activity.areas.isEmpty {
            facts.append(
                Fact(
                    label: words.text("field_areas"),
                    value: activity.areas.map { words.term("area.\($0)", fallback: $0) }.joined(separator: ", ")))
        }
        if !activity.fulfils.isEmpty {
            let titles = activity.fulfils.map { id in partnership.obligations.first { $0.id == id }?.title ?? id }
            facts.append(Fact(label: words.text("field_fulfils"), value: titles.joined(separator: "; ")))
        }
        let lists = activityLists(activity, of: partnership, homeName: homeName, partnerName: partnerName, words: words)
        return RecordEntry(
            anchor: SitePath.anchor("activity", activity.id), heading: activity.title, facts: facts, lists: lists,
            editHref: SitePath.editRecord(org, partnership.id, "activities", activity.id),
            uploadHref: SitePath.newDocument(org, partnership.id, forActivity: activity.id))
    }

    /// What took part in an activity, what it cost and brought, what came of it and its papers.
    private static func activityLists(
        _ activity: Activity, of partnership: Partnership, homeName: String, partnerName: String, words: Words
    ) -> [FactList] {
        var lists: [FactList] = []
        if !activity.participants.isEmpty {
            lists.append(
                FactList(
                    label: words.text("field_participants"),
                    items: activity.participants.map { words.participant($0, home: homeName, partner: partnerName) }))
        }
        if !activity.costs.isEmpty {
            lists.append(
                FactList(
                    label: words.text("field_costs"),
                    items: activity.costs.map { words.cost($0, home: homeName, partner: partnerName) }))
        }
        if !activity.benefits.isEmpty {
            lists.append(
                FactList(
                    label: words.text("field_benefits"),
                    items: activity.benefits.map { words.benefit($0, home: homeName, partner: partnerName) }))
        }
        if !activity.results.isEmpty {
            lists.append(
                FactList(
                    label: words.text("field_results"),
                    items: activity.results.map { result in
                        var line = words.result(result)
                        if !result.evidence.isEmpty {
                            let titles = result.evidence.map { id in
                                partnership.documents.first { $0.id == id }?.title ?? id
                            }
                            line += " — \(words.text("field_evidence")): " + titles.joined(separator: "; ")
                        }
                        return line
                    }))
        }
        if !activity.documents.isEmpty {
            lists.append(
                FactList(
                    label: words.text("field_documents"),
                    items: activity.documents.map { id in partnership.documents.first { $0.id == id }?.title ?? id }))
        }
        return lists
    }

    static func obligation(
        _ obligation: Obligation, of partnership: Partnership, occurrences: [ObligationOccurrence], org: String,
        words: Words
    ) -> RecordEntry {
        let occurrences = occurrences.filter { $0.obligation == obligation.id }
        var facts = [
            Fact(label: words.text("field_every"), value: words.term(obligation.every, "recurrence")),
            Fact(label: words.text("field_from"), value: words.date(obligation.from)),
            Fact(
                label: words.text("field_agreement"),
                value: partnership.agreements.first { $0.id == obligation.agreement }.map(words.agreement)
                    ?? obligation.agreement),
        ]
        if let until = obligation.until {
            facts.append(Fact(label: words.text("field_until"), value: words.date(until)))
        }
        if obligation.alternateHost == true {
            facts.append(Fact(label: words.text("field_alternate_host"), value: words.text("yes")))
        }
        facts.append(
            Fact(
                label: words.text("obligation_occurrences"),
                value: words.text(
                    "obligation_tally",
                    [
                        "met": words.count(occurrences.filter { $0.status == .met }.count),
                        "missed": words.count(occurrences.filter { $0.status == .missed }.count),
                        "due": words.count(occurrences.filter { $0.status == .due }.count),
                    ])))
        return RecordEntry(
            anchor: SitePath.anchor("obligation", obligation.id), heading: obligation.title, facts: facts, lists: [],
            editHref: SitePath.editRecord(org, partnership.id, "obligations", obligation.id))
    }

    static func document(_ document: Document, org: String, partnership: String, words: Words) -> RecordEntry {
        var facts = [Fact(label: words.text("field_document_kind"), value: words.term(document.kind, "document-kind"))]
        if let date = document.date { facts.append(Fact(label: words.text("field_date"), value: words.date(date))) }
        if let language = document.language {
            facts.append(Fact(label: words.text("field_language"), value: words.languageName(language)))
        }
        if let source = document.source { facts.append(Fact(label: words.text("field_source"), value: source)) }
        return RecordEntry(
            anchor: SitePath.anchor("document", document.id), heading: document.title, facts: facts, lists: [],
            editHref: nil, href: SitePath.document(org, partnership, document.id))
    }

    static func assessment(_ assessment: Assessment, index: Int, documents: [Document], words: Words) -> RecordEntry {
        RecordEntry(
            anchor: "assessment-\(index)",
            heading: "\(words.term(assessment.element, "element")): \(words.term(assessment.status, "status"))",
            facts: [
                Fact(label: words.text("field_by"), value: assessment.by),
                Fact(label: words.text("field_date"), value: words.date(assessment.date)),
                Fact(label: words.text("field_note"), value: assessment.note),
            ],
            lists: assessment.evidence.isEmpty
                ? []
                : [
                    FactList(
                        label: words.text("field_evidence"),
                        items: assessment.evidence.map { evidence in
                            let title = documents.first { $0.id == evidence.document }?.title
                            return "“\(evidence.quote)” (\(title ?? evidence.document))"
                        })
                ],
            editHref: nil)
    }
}
