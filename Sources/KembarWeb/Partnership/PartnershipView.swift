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
        /// Why the area-never-implemented alarm names it, when it does.
        let untouched: String?
        let agreed: Bool
    }

    /// The reciprocity section: the bars for a wide screen and for a phone, the same figures as a
    /// table, and the window they were counted in.
    struct Exchange {
        let wide: String
        let narrow: String
        let rows: [[String]]
        let window: String
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
    /// What went each way, or nil without an evaluation to count it.
    let exchange: Exchange?
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
        facts = Self.facts(partnership, evaluation: evaluation, today: today, words: words)
        actions = Self.actions(org, id, partnerID: partnerID, words: words)
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
        elements =
            evaluation.map { Self.scorecard($0, anchors: Self.anchors(partnership, words: words), words: words) }
            ?? []
        areas = evaluation.map { Self.areas($0.areas, words: words) } ?? []
        hasAreas = !areas.isEmpty
        exchange = evaluation.map {
            Self.exchange($0.reciprocity, homeName: homeName, partnerName: partnerName, words: words)
        }
        participantHeaders = Self.participantHeaders(homeName: homeName, partnerName: partnerName, words: words)
        participants = Self.participants(partnership, words: words)
        hasParticipants = !participants.isEmpty
        stages = Self.stages(partnership, org: org, words: words)
        (agreements, obligations, activities) = Self.entries(
            partnership, occurrences: evaluation?.obligations ?? [], org: org, homeName: homeName,
            partnerName: partnerName, words: words)
        documents = partnership.documents.map { Self.document($0, org: org, partnership: id, words: words) }
        assessments = partnership.assessments.enumerated().map {
            Self.assessment($1, index: $0, documents: partnership.documents, words: words)
        }
        self.saved = saved
        restrict(to: access, organizationID: org, partnershipID: id, partner: partnership.partner, words: words)
    }

    /// The agreements, the obligations with how often each was met, and the activities in the
    /// order they happened.
    private static func entries(
        _ partnership: Partnership, occurrences: [ObligationOccurrence], org: String, homeName: String,
        partnerName: String, words: Words
    ) -> (agreements: [RecordEntry], obligations: [RecordEntry], activities: [RecordEntry]) {
        let agreements = partnership.agreements.map {
            agreement($0, of: partnership.agreements, org: org, partnership: partnership.id, words: words)
        }
        let obligations = partnership.obligations.map {
            obligation($0, of: partnership, occurrences: occurrences, org: org, words: words)
        }
        let activities = partnership.activities.sorted {
            ($0.start.span.lowerBound, $0.id) < ($1.start.span.lowerBound, $1.id)
        }
        .map {
            activity($0, org: org, partnership: partnership, homeName: homeName, partnerName: partnerName, words: words)
        }
        return (agreements, obligations, activities)
    }

    /// The facts under the title: kind, partner, first agreement, last activity, silence.
    private static func facts(
        _ partnership: Partnership, evaluation: PartnershipEvaluation?, today: CalendarDay, words: Words
    ) -> [Fact] {
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
        return facts
    }

    private static func actions(_ org: String, _ id: String, partnerID: String, words: Words) -> [Link] {
        [
            Link(href: SitePath.editPartnership(org, id), label: words.text("action_edit_partnership")),
            Link(href: SitePath.editPartner(org, partnerID), label: words.text("action_edit_partner")),
            Link(href: SitePath.newRecord(org, id, "activities"), label: words.text("action_add_activity")),
            Link(href: SitePath.newRecord(org, id, "agreements"), label: words.text("action_add_agreement")),
            Link(href: SitePath.newRecord(org, id, "obligations"), label: words.text("action_add_obligation")),
            Link(href: SitePath.newRecord(org, id, "stages"), label: words.text("action_add_stage")),
            Link(href: SitePath.newDocument(org, id), label: words.text("action_upload_document")),
        ]
    }

    private static func participantHeaders(homeName: String, partnerName: String, words: Words) -> [String] {
        [
            words.text("participants_home_planner", ["city": homeName]),
            words.text("participants_home_participant", ["city": homeName]),
            words.text("participants_partner_planner", ["city": partnerName]),
            words.text("participants_partner_participant", ["city": partnerName]),
        ]
    }

    private static func stages(_ partnership: Partnership, org: String, words: Words) -> [RecordEntry] {
        partnership.stages.enumerated().map { index, stage in
            RecordEntry(
                anchor: "stage-\(index)", heading: "\(words.date(stage.date)) — \(words.term(stage.stage, "stage"))",
                facts: stage.note.map { [Fact(label: words.text("field_note"), value: $0)] } ?? [], lists: [],
                editHref: SitePath.editRecord(org, partnership.id, "stages", String(index)))
        }
    }

    /// The anchor of each record on the page and its name, by id (an activity's id wins over a
    /// document's of the same id, as the evaluation names activities most).
    static func anchors(_ partnership: Partnership, words: Words) -> [String: (anchor: String, name: String)] {
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
}
