import Foundation
import KembarCore

/// Everything the partnership page shows, worded for the page's language.
struct PartnershipView {
    /// A link to a record an indicator was computed from, named, after `lead` (a space or "; ").
    struct RecordLink {
        let href: String
        let label: String
        let lead: String
    }

    struct Fact {
        let label: String
        let value: String
    }

    struct Link {
        let href: String
        let label: String
    }

    struct AlarmLine {
        let kind: String
        let message: String
    }

    struct IndicatorLine {
        let id: String
        let name: String
        let value: String
        let score: String
        let threshold: String
        let explanation: String
        let mark: String
        let markLabel: String
        let records: [RecordLink]
        let hasRecords: Bool
    }

    struct ElementCard {
        let anchor: String
        let name: String
        let status: String
        let statusClass: String
        let score: String
        let coverage: String
        let cap: String?
        let assessment: String?
        let indicators: [IndicatorLine]
    }

    struct AreaLine {
        let area: String
        let activities: String
        let last: String
        let untouched: Bool
        let agreed: Bool
    }

    struct ParticipantLine {
        let group: String
        let cells: [String]
    }

    struct RecordEntry {
        let anchor: String
        let heading: String
        let facts: [Fact]
        let lists: [FactList]
        var editHref: String?
        /// Uploading a document to this record (an activity's).
        var uploadHref: String? = nil
        /// The record's own page (a document's text and codings), when it has one.
        var href: String? = nil
        /// Who entered the record, when the audit log knows.
        var recordedBy: String? = nil
    }

    struct FactList {
        let label: String
        let items: [String]
    }

    let organizationName: String
    let title: String
    let nativeName: String?
    let facts: [Fact]
    let health: String
    /// The health word and why.
    let healthReason: String
    let healthClass: String
    var actions: [Link]
    /// The partnership's own alarms (the portfolio counts the same).
    let alarms: [AlarmLine]
    /// The office's load, said apart: it is the government's, not the partnership's.
    let officeAlarm: AlarmLine?
    /// The timeline as SVG, or nil when nothing in the record has a date.
    let timeline: String?
    /// The same history as a list by year, shown instead of the drawing on a phone.
    let timelineYears: [TimelineYears.Year]
    let elements: [ElementCard]
    let asOf: String
    let policyName: String
    let areas: [AreaLine]
    let hasAreas: Bool
    let reciprocity: String
    /// The same bars laid out for a phone's width.
    let reciprocityNarrow: String
    let reciprocityRows: [[String]]
    let homeName: String
    let partnerName: String
    let participantHeaders: [String]
    let participants: [ParticipantLine]
    var stages: [RecordEntry]
    var agreements: [RecordEntry]
    var obligations: [RecordEntry]
    var activities: [RecordEntry]
    var documents: [RecordEntry]
    let assessments: [RecordEntry]
    let saved: String?
    let hasAlarms: Bool
    let hasParticipants: Bool

    // swiftlint:disable:next function_body_length
    init(
        organization: Organization, partnership: Partnership, partnerID: String, evaluation: PartnershipEvaluation?,
        today: CalendarDay, policyName: String, words: Words, saved: String?, access: PartnershipAccess
    ) {
        let org = organization.id
        let id = partnership.id
        let homeName = organization.place.name
        self.homeName = homeName
        // The evaluation's phrases name this partnership's records by their names, not their ids.
        let words = words.naming(partnership)
        let partnerName = partnership.partner.name
        self.partnerName = partnerName
        organizationName = organization.name
        title = "\(homeName) – \(partnerName)"
        nativeName = partnership.partner.nativeName
        let health = evaluation.map(PartnershipHealth.init) ?? .unknown
        self.health = words.health(evaluation).word
        healthReason = words.health(evaluation).explained
        healthClass = "health-\(health.rawValue)"
        var facts = [
            Fact(label: words.text("column_kind"), value: words.term(partnership.kind, "partnership-kind")),
            Fact(
                label: words.text("field_partner_kind"),
                value:
                    "\(words.term(partnership.partner.kind, "partner-kind")), \(words.country(partnership.partner.country))"
            ),
        ]
        if let signed = partnership.agreements.map(\.signed).min(by: { $0.span.lowerBound < $1.span.lowerBound }) {
            facts.append(Fact(label: words.text("fact_first_agreement"), value: words.date(signed)))
        }
        if let last = partnership.lastActivity(by: today) {
            facts.append(
                Fact(label: words.text("column_last_activity"), value: "\(words.date(last.start)) — \(last.title)"))
        }
        if let days = evaluation?.currentSilenceDays {
            facts.append(Fact(label: words.text("column_silence"), value: words.duration(days: days)))
        }
        self.facts = facts
        actions = [
            Link(href: SitePath.editPartnership(org, id), label: words.text("action_edit_partnership")),
            Link(href: SitePath.editPartner(org, partnerID), label: words.text("action_edit_partner")),
            Link(href: SitePath.newRecord(org, id, "activities"), label: words.text("action_add_activity")),
            Link(href: SitePath.newRecord(org, id, "agreements"), label: words.text("action_add_agreement")),
            Link(href: SitePath.newRecord(org, id, "obligations"), label: words.text("action_add_obligation")),
            Link(href: SitePath.newRecord(org, id, "stages"), label: words.text("action_add_stage")),
            Link(href: SitePath.newDocument(org, id), label: words.text("action_upload_document")),
        ]
        alarms = (evaluation?.partnershipAlarms ?? []).map {
            AlarmLine(kind: words.term($0.kind, "alarm"), message: words.say($0.phrases))
        }
        hasAlarms = !alarms.isEmpty
        officeAlarm = evaluation?.officeAlarm.map {
            AlarmLine(kind: words.term($0.kind, "alarm"), message: words.say($0.phrases))
        }
        let chart = TimelineChart(partnership: partnership, evaluation: evaluation, today: today, words: words).svg()
        timeline = chart.isEmpty ? nil : chart
        timelineYears = TimelineYears(partnership: partnership, evaluation: evaluation, words: words)
            .years()
        asOf = words.day(today)
        self.policyName = policyName
        let recordAnchors = Self.anchors(partnership, words: words)
        elements = KeyElement.allCases.compactMap { element in
            guard let verdict = evaluation?.elements[element] else { return nil }
            return ElementCard(
                anchor: "element-\(element.rawValue)", name: words.term(element, "element"),
                status: words.term(verdict.status, "status"), statusClass: "status-\(verdict.status.rawValue)",
                score: verdict.score.map { words.number(($0 * 100).rounded() / 100) } ?? "—",
                coverage: words.percent(verdict.coverage), cap: verdict.cap.map { words.say([$0.phrase]) },
                assessment: verdict.assessment.map {
                    words.text(
                        "assessment_line",
                        [
                            "status": words.term($0.status, "status"), "by": $0.by, "date": words.date($0.date),
                            "note": $0.note,
                        ])
                },
                indicators: verdict.indicators.map { indicator in
                    let met: Bool? = indicator.value.map {
                        indicator.id.lowerIsBetter ? $0 <= indicator.threshold : $0 >= indicator.threshold
                    }
                    return IndicatorLine(
                        id: indicator.id.rawValue,
                        name: words.term("indicator.\(indicator.id.rawValue)", fallback: indicator.id.name),
                        value: indicator.value.map { words.number(($0 * 100).rounded() / 100) } ?? "—",
                        score: indicator.score.map { words.number(($0 * 100).rounded() / 100) } ?? "—",
                        threshold: words.number(indicator.threshold), explanation: words.say(indicator.phrases),
                        mark: met.map { $0 ? "✓" : "✗" } ?? "·",
                        markLabel: words.text(met.map { $0 ? "mark_reached" : "mark_short" } ?? "mark_no_data"),
                        records: indicator.records.enumerated().map { index, record in
                            let known = recordAnchors[record]
                            return RecordLink(
                                href: "#" + (known?.anchor ?? SitePath.anchor("record", record)),
                                label: known?.name ?? record, lead: index == 0 ? " " : "; ")
                        },
                        hasRecords: !indicator.records.isEmpty)
                })
        }
        (areas, hasAreas) = Self.areas(partnership, today: today, words: words)
        let bars = Self.reciprocity(
            partnership, homeName: homeName, partnerName: partnerName, today: today, words: words)
        reciprocity = bars.svg()
        reciprocityNarrow = bars.narrowSVG()
        reciprocityRows = bars.groups.flatMap { group in
            group.rows.map { [group.heading, $0.label, $0.homeText, $0.partnerText] }
        }
        participantHeaders = [
            words.text("participants_home_planner", ["city": homeName]),
            words.text("participants_home_participant", ["city": homeName]),
            words.text("participants_partner_planner", ["city": partnerName]),
            words.text("participants_partner_participant", ["city": partnerName]),
        ]
        participants = Self.participants(partnership, words: words)
        hasParticipants = !participants.isEmpty
        stages = partnership.stages.enumerated().map { index, stage in
            RecordEntry(
                anchor: "stage-\(index)", heading: "\(words.date(stage.date)) — \(words.term(stage.stage, "stage"))",
                facts: stage.note.map { [Fact(label: words.text("field_note"), value: $0)] } ?? [], lists: [],
                editHref: SitePath.editRecord(org, id, "stages", String(index)))
        }
        agreements = partnership.agreements.map {
            Self.agreement($0, of: partnership.agreements, org: org, partnership: id, words: words)
        }
        obligations = partnership.obligations.map { obligation in
            let occurrences = evaluation?.obligations.filter { $0.obligation == obligation.id } ?? []
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
                anchor: SitePath.anchor("obligation", obligation.id), heading: obligation.title, facts: facts,
                lists: [],
                editHref: SitePath.editRecord(org, id, "obligations", obligation.id))
        }
        activities = partnership.activities.sorted {
            ($0.start.span.lowerBound, $0.id) < ($1.start.span.lowerBound, $1.id)
        }
        .map {
            Self.activity(
                $0, org: org, partnership: partnership, homeName: homeName, partnerName: partnerName, words: words)
        }
        documents = partnership.documents.map { document in
            var facts = [
                Fact(label: words.text("field_document_kind"), value: words.term(document.kind, "document-kind"))
            ]
            if let date = document.date { facts.append(Fact(label: words.text("field_date"), value: words.date(date))) }
            if let language = document.language {
                facts.append(Fact(label: words.text("field_language"), value: words.languageName(language)))
            }
            if let source = document.source { facts.append(Fact(label: words.text("field_source"), value: source)) }
            return RecordEntry(
                anchor: SitePath.anchor("document", document.id), heading: document.title, facts: facts, lists: [],
                editHref: nil, href: SitePath.document(org, id, document.id))
        }
        assessments = partnership.assessments.enumerated().map { index, assessment in
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
                                let title = partnership.documents.first { $0.id == evidence.document }?.title
                                return "“\(evidence.quote)” (\(title ?? evidence.document))"
                            })
                    ],
                editHref: nil)
        }
        self.saved = saved
        restrict(to: access, organizationID: org, partnershipID: id, words: words)
    }

    /// The page anchor of every record an indicator may name.
    /// The anchor of each record on the page and its name, by id (an activity's id wins over a
    /// document's of the same id, as the evaluation names activities most).
    private static func anchors(_ partnership: Partnership, words: Words) -> [String: (anchor: String, name: String)] {
        var anchors: [String: (anchor: String, name: String)] = [:]
        for document in partnership.documents {
            anchors[document.id] = (SitePath.anchor("document", document.id), document.title)
        }
        for agreement in partnership.agreements {
            anchors[agreement.id] = (SitePath.anchor("agreement", agreement.id), words.agreement(agreement))
        }
        for obligation in partnership.obligations {
            anchors[obligation.id] = (SitePath.anchor("obligation", obligation.id), obligation.title)
        }
        for activity in partnership.activities {
            anchors[activity.id] = (SitePath.anchor("activity", activity.id), activity.title)
        }
        return anchors
    }

    private static func areas(_ partnership: Partnership, today: CalendarDay, words: Words) -> ([AreaLine], Bool) {
        var agreed: [String] = []
        for area in partnership.agreements.flatMap(\.areas) where !agreed.contains(area) { agreed.append(area) }
        var used: [String] = []
        for area in partnership.activities.flatMap(\.areas) where !agreed.contains(area) && !used.contains(area) {
            used.append(area)
        }
        let lines = (agreed.map { ($0, true) } + used.map { ($0, false) }).map { area, isAgreed in
            let serving = partnership.activities.filter { $0.areas.contains(area) && $0.start.span.lowerBound <= today }
            let last = serving.max { $0.start.span.upperBound < $1.start.span.upperBound }
            return AreaLine(
                area: words.term("area.\(area)", fallback: area), activities: words.count(serving.count),
                last: last.map { words.date($0.start) } ?? "—",
                // "Other areas both agree on" needs no activity of its own (as in the alarm).
                untouched: serving.isEmpty && isAgreed && !EvaluationPolicy.standard.catchAllAreas.contains(area),
                agreed: isAgreed)
        }
        return (lines, !lines.isEmpty)
    }
}
