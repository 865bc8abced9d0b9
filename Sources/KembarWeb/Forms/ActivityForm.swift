import Foundation
import KembarCore

/// The form for an activity: when, what, where, who started it, who took part, what it cost,
/// whom it benefited and what came of it.
struct ActivityForm {
    let partnership: Partnership
    let homeName: String
    let words: Words

    static let participants = RowGroup(name: "participants", fields: ["side", "group", "role", "count"])
    static let costs = RowGroup(name: "costs", fields: ["side", "amount", "currency", "kind"])
    static let benefits = RowGroup(name: "benefits", fields: ["to", "kind", "description"])
    static let results = RowGroup(
        name: "results",
        fields: ["kind", "directness", "description", "planned", "delivered", "sustained", "value", "unit", "evidence"])

    /// Areas the form offers as boxes: those the agreements name, then those already used.
    var areaChoices: [String] {
        var areas: [String] = []
        for area in partnership.agreements.flatMap(\.areas) + partnership.activities.flatMap(\.areas)
        where !areas.contains(area) {
            areas.append(area)
        }
        return areas
    }

    func state(from activity: Activity?) -> FormState {
        var state = FormState()
        // Whether the public sees a new activity is the officer's choice, made each time.
        guard let activity else { return state }
        state["id"] = activity.id
        state["title"] = activity.title
        state["start"] = activity.start.description
        state["end"] = activity.end?.description ?? ""
        state["kind"] = activity.kind.rawValue
        state["host"] = activity.host?.rawValue ?? ""
        state["initiator"] = activity.initiator?.rawValue ?? ""
        state.set("areas", activity.areas)
        state.set("fulfils", activity.fulfils)
        state.set("documents", activity.documents)
        state["public"] = activity.isPublic ? "yes" : "no"
        Self.participants.fill(&state, activity.participants) {
            [
                "side": $0.side.rawValue, "group": $0.group.rawValue, "role": $0.role.rawValue,
                "count": $0.count.map(String.init) ?? "",
            ]
        }
        Self.costs.fill(&state, activity.costs) {
            [
                "side": $0.side.rawValue, "amount": plainNumber($0.amount), "currency": $0.currency,
                "kind": $0.kind.rawValue,
            ]
        }
        Self.benefits.fill(&state, Self.benefitRows(activity.benefits)) {
            ["to": $0.to, "kind": $0.kind.rawValue, "description": $0.description ?? ""]
        }
        Self.results.fill(&state, activity.results) { result in
            [
                "kind": result.kind.rawValue, "directness": result.directness.rawValue,
                "description": result.description,
                "planned": tristate(result.planned), "delivered": tristate(result.delivered),
                "sustained": tristate(result.sustained),
                "value": result.quantity.map { plainNumber($0.value) } ?? "", "unit": result.quantity?.unit ?? "",
            ]
        }
        for (row, result) in activity.results.enumerated() {
            state.set(Self.results.key(row, "evidence"), result.evidence)
        }
        return state
    }

    /// An activity's id made from its title and the year it began, the year added only when the
    /// title does not already name it ("Kunjungan November 2026" gives `kunjungan-november-2026`).
    static func id(title: String, start: PartialDate?) -> String {
        let slug = FormReader.slug(title)
        guard let year = (start?.earliestDay ?? start?.latestDay)?.components.year else { return slug }
        return slug.split(separator: "-").contains(Substring(String(year))) ? slug : slug + "-\(year)"
    }

    /// The activity the form describes, or the errors of its fields that stop it being saved; how
    /// it fits the partnership (dates in order, ids unique, what it names present) is the record
    /// validator's to say, through ``checked(_:replacing:)``.
    func read(_ state: FormState) -> (Activity?, [String: String]) {
        var reader = FormReader(state, words: words)
        let title = reader.text("title", required: true)
        let start = reader.date("start", required: true)
        let id = reader.identifier("id", from: title.map { Self.id(title: $0, start: start) })
        let end = reader.date("end", required: false)
        let kind: Activity.Kind? = reader.choice("kind", required: true)
        let host: Activity.Host? = reader.choice("host", required: false)
        let initiator: Activity.Initiator? = reader.choice("initiator", required: false)
        var areas = state.all("areas").filter { !$0.isEmpty }
        for area in (reader.text("other_areas", required: false) ?? "").split(separator: ",") {
            let trimmed = area.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty, !areas.contains(trimmed) { areas.append(trimmed) }
        }
        let fulfils = state.all("fulfils").filter { !$0.isEmpty }
        let documents = state.all("documents").filter { !$0.isEmpty }
        let participants = readParticipants(state, &reader)
        let costs = readCosts(state, &reader)
        let benefits = readBenefits(state, &reader)
        let results = readResults(state, &reader)
        let isPublic = reader.yesOrNo("public")
        guard reader.errors.isEmpty, let id, let title, let start, let kind, let isPublic else {
            return (nil, reader.errors)
        }
        return (
            Activity(
                id: id, title: title, start: start, end: end, kind: kind, areas: areas, host: host,
                initiator: initiator,
                fulfils: fulfils, participants: participants, costs: costs, benefits: benefits, results: results,
                isPublic: isPublic, documents: documents),
            [:]
        )
    }

    func page(_ state: FormState, errors: [String: String], action: String, cancel: String, heading: String) -> FormPage
    {
        let build = FieldBuilder(state: state, errors: errors, words: words)
        let sides = [
            ("", words.text("choose")), (Side.home.rawValue, homeName),
            (Side.partner.rawValue, partnership.partner.name),
        ]
        let people = FormPage.Section(
            legend: words.text("form_activity_people"), fields: [],
            tables: [
                participantsTable(build, sides: sides), costsTable(build, sides: sides),
                benefitsTable(build, sides: sides), resultsTable(build),
            ])
        return FormPage(
            action: action, heading: heading, intro: words.text("form_activity_intro"), errors: errors,
            sections: [mainSection(build), people], submitLabel: words.text("save"), cancelHref: cancel,
            cancelLabel: words.text("cancel"))
    }
}

/// The activity form's tables read back, row by row; a row left empty is no row.
extension ActivityForm {
    private func readParticipants(_ state: FormState, _ reader: inout FormReader) -> [Participant] {
        return Self.participants.filledRows(state).compactMap { row -> Participant? in
            let group = Self.participants
            let side: Side? = reader.choice(group.key(row, "side"), required: true)
            let kind: Participant.Group? = reader.choice(group.key(row, "group"), required: true)
            let role: Participant.Role? = reader.choice(group.key(row, "role"), required: true)
            let count = reader.count(group.key(row, "count"))
            guard let side, let kind, let role else { return nil }
            return Participant(side: side, group: kind, role: role, count: count)
        }
    }

    private func readCosts(_ state: FormState, _ reader: inout FormReader) -> [Cost] {
        return Self.costs.filledRows(state).compactMap { row -> Cost? in
            let group = Self.costs
            let side: Side? = reader.choice(group.key(row, "side"), required: true)
            let amount = reader.number(group.key(row, "amount"), required: true)
            let kind: Cost.Kind? = reader.choice(group.key(row, "kind"), required: true)
            var unit = reader.text(group.key(row, "currency"), required: kind == .money, maximum: 20)
            if kind == .money, let code = unit?.uppercased() {
                if code.count != 3 || !code.allSatisfy({ $0.isASCII && $0.isLetter }) {
                    reader.fail(group.key(row, "currency"), "error_currency")
                }
                unit = code
            }
            guard let side, let amount, let kind else { return nil }
            return Cost(side: side, amount: amount, currency: unit ?? kind.rawValue, kind: kind)
        }
    }

    private func readBenefits(_ state: FormState, _ reader: inout FormReader) -> [Benefit] {
        return Self.benefits.filledRows(state).flatMap { row -> [Benefit] in
            let group = Self.benefits
            // Both sides in one row: the same benefit to each.
            let both = state[group.key(row, "to")] == Self.bothSides
            let to: Side? = both ? nil : reader.choice(group.key(row, "to"), required: true)
            let kind: Benefit.Kind? = reader.choice(group.key(row, "kind"), required: true)
            let description = reader.text(
                group.key(row, "description"), required: false, maximum: FormReader.maximumText)
            guard let kind, both || to != nil else { return [] }
            let sides = both ? [Side.home, .partner] : [to].compactMap { $0 }
            return sides.map { Benefit(to: $0, kind: kind, description: description) }
        }
    }

    private func readResults(_ state: FormState, _ reader: inout FormReader) -> [ActivityResult] {
        return Self.results.filledRows(state).compactMap { row -> ActivityResult? in
            let group = Self.results
            let kind: ActivityResult.Kind? = reader.choice(group.key(row, "kind"), required: true)
            let directness: ActivityResult.Directness? = reader.choice(group.key(row, "directness"), required: true)
            let description = reader.text(
                group.key(row, "description"), required: true, maximum: FormReader.maximumText)
            let planned = reader.tristate(group.key(row, "planned"))
            let delivered = reader.tristate(group.key(row, "delivered"))
            let sustained = reader.tristate(group.key(row, "sustained"))
            let value = reader.number(group.key(row, "value"), required: false)
            let unit = reader.text(group.key(row, "unit"), required: value != nil, maximum: 60)
            let evidence = state.all(group.key(row, "evidence")).filter { !$0.isEmpty }
            guard let kind, let directness, let description else { return nil }
            return ActivityResult(
                kind: kind, directness: directness, description: description, planned: planned, delivered: delivered,
                quantity: value.flatMap { value in unit.map { Quantity(value: value, unit: $0) } }, evidence: evidence,
                sustained: sustained)
        }
    }
}

/// The parts of the activity form: what happened, then who took part, what it cost, what each
/// side gained and what came of it.
extension ActivityForm {
    private func mainSection(_ build: FieldBuilder) -> FormPage.Section {
        let areaBoxes = areaChoices.map { (value: $0, label: words.term("area.\($0)", fallback: $0)) }
        let main = FormPage.Section(
            legend: words.text("form_activity_what"),
            fields: [
                build.text("title", "field_title", required: true), build.text("id", "field_id", hint: "hint_id"),
                build.date("start", "field_start", required: true), build.date("end", "field_end"),
                build.choice(
                    "kind", "field_activity_kind", Activity.Kind.self, family: "activity-kind", required: true),
                build.select(
                    "host", "field_host",
                    [
                        ("", words.text("unknown")), (Activity.Host.home.rawValue, homeName),
                        (Activity.Host.partner.rawValue, partnership.partner.name),
                        (Activity.Host.online.rawValue, words.term(Activity.Host.online, "host")),
                        (Activity.Host.elsewhere.rawValue, words.term(Activity.Host.elsewhere, "host")),
                    ]),
                build.select(
                    "initiator", "field_initiator",
                    [
                        ("", words.text("unknown")), (Activity.Initiator.home.rawValue, homeName),
                        (Activity.Initiator.partner.rawValue, partnership.partner.name),
                        (Activity.Initiator.joint.rawValue, words.term(Activity.Initiator.joint, "initiator")),
                    ]),
                build.checkboxes("areas", "field_areas", areaBoxes),
                build.text("other_areas", "field_other_areas", hint: "hint_other_areas"),
                build.checkboxes("fulfils", "field_fulfils", partnership.obligations.map { ($0.id, $0.title) }),
                build.checkboxes("documents", "field_documents", partnership.documents.map { ($0.id, $0.title) }),
                build.radios(
                    "public", "field_public",
                    [("yes", words.text("public_choice_yes")), ("no", words.text("public_choice_no"))], required: true,
                    hint: "hint_public"),
            ],
            tables: [])
        return main
    }

    private func participantsTable(_ build: FieldBuilder, sides: [(String, String)]) -> FormPage.Table {
        let participants = build.table(
            Self.participants, legendKey: "field_participants",
            headerKeys: ["field_side", "field_group", "field_role", "field_count"]
        ) { build, field in
            [
                build.select(field("side"), "field_side", sides),
                build.choice(field("group"), "field_group", Participant.Group.self, family: "group"),
                build.choice(field("role"), "field_role", Participant.Role.self, family: "role"),
                build.text(field("count"), "field_count", inputMode: "numeric"),
            ]
        }
        return participants
    }

    private func costsTable(_ build: FieldBuilder, sides: [(String, String)]) -> FormPage.Table {
        let costs = build.table(
            Self.costs, legendKey: "field_costs",
            headerKeys: ["field_side", "field_amount", "field_currency", "field_cost_kind"],
            note: words.text("hint_currency")
        ) { build, field in
            [
                build.select(field("side"), "field_side", sides),
                build.text(field("amount"), "field_amount", inputMode: "decimal"),
                build.text(field("currency"), "field_currency"),
                build.choice(field("kind"), "field_cost_kind", Cost.Kind.self, family: "cost"),
            ]
        }
        return costs
    }

    private func benefitsTable(_ build: FieldBuilder, sides: [(String, String)]) -> FormPage.Table {
        let benefits = build.table(
            Self.benefits, legendKey: "field_benefits",
            headerKeys: ["field_benefit_to", "field_benefit_kind", "field_description"]
        ) { build, field in
            [
                build.select(
                    field("to"), "field_benefit_to", sides + [(Self.bothSides, words.text("benefit_both_sides"))]),
                build.choice(field("kind"), "field_benefit_kind", Benefit.Kind.self, family: "benefit"),
                build.text(field("description"), "field_description"),
            ]
        }
        return benefits
    }

    private func resultsTable(_ build: FieldBuilder) -> FormPage.Table {
        let evidenceHint = partnership.documents.isEmpty ? words.text("hint_evidence_none") : nil
        let results = build.table(
            Self.results, legendKey: "field_results",
            headerKeys: [
                "field_result_kind", "field_directness", "field_description", "field_planned", "field_delivered",
                "field_sustained", "field_quantity", "field_unit", "field_evidence",
            ],
            note: evidenceHint
        ) { build, field in
            [
                build.choice(field("kind"), "field_result_kind", ActivityResult.Kind.self, family: "result-kind"),
                build.choice(
                    field("directness"), "field_directness", ActivityResult.Directness.self, family: "directness"),
                build.text(field("description"), "field_description"),
                build.yesNo(field("planned"), "field_planned"),
                build.yesNo(field("delivered"), "field_delivered"),
                build.yesNo(field("sustained"), "field_sustained"),
                build.text(field("value"), "field_quantity", inputMode: "decimal"),
                build.text(field("unit"), "field_unit"),
                build.checkboxes(field("evidence"), "field_evidence", partnership.documents.map { ($0.id, $0.title) }),
            ]
        }
        return results
    }
}

extension FormPage {
    /// The form of an activity already recorded leads to uploading a document to it.
    func offeringUpload(for activity: Activity?, organizationID: String, partnershipID: String, words: Words)
        -> FormPage
    {
        guard let activity else { return self }
        var page = self
        page.related = PartnershipView.Link(
            href: SitePath.newDocument(organizationID, partnershipID, forActivity: activity.id),
            label: words.text("action_upload_for_activity"))
        return page
    }
}

extension ActivityForm {
    /// The benefits' row value for a benefit to both sides.
    static let bothSides = "both"

    /// The rows the benefits fill: a benefit to one side followed by the same to the other side is
    /// one row, "both sides", as it was entered.
    static func benefitRows(_ benefits: [Benefit]) -> [(to: String, kind: Benefit.Kind, description: String?)] {
        var rows: [(to: String, kind: Benefit.Kind, description: String?)] = []
        var index = benefits.startIndex
        while index < benefits.endIndex {
            let benefit = benefits[index]
            let next = index + 1 < benefits.endIndex ? benefits[index + 1] : nil
            if benefit.to == .home, let next, next.to == .partner, next.kind == benefit.kind,
                next.description == benefit.description
            {
                rows.append((bothSides, benefit.kind, benefit.description))
                index += 2
            } else {
                rows.append((benefit.to.rawValue, benefit.kind, benefit.description))
                index += 1
            }
        }
        return rows
    }
}

/// A number as typed into a form: no grouping, a point for decimals.
func plainNumber(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
}

func tristate(_ value: Bool?) -> String {
    value.map { $0 ? "yes" : "no" } ?? ""
}

extension ActivityForm {
    /// The form's fields by the names `kembar/1` gives an activity's fields.
    static let recordFields = Dictionary(
        uniqueKeysWithValues: ["id", "title", "start", "end", "kind", "areas", "fulfils", "documents"].map { ($0, $0) })

    /// The partnership with `activity` added (or put in place of the one at `original`), or the
    /// record validator's errors, said beside the form's fields.
    func checked(_ activity: Activity, replacing original: Int?) -> Result<Partnership, FormErrors> {
        var updated = partnership
        let index = original ?? updated.activities.count
        if let original { updated.activities[original] = activity } else { updated.activities.append(activity) }
        let errors = FormIssues(words: words).errors(
            of: updated, editing: .init(collection: "activities", index: index, fields: Self.recordFields))
        return errors.isEmpty ? .success(updated) : .failure(FormErrors(fields: errors))
    }
}

/// A form's errors by field (`""` for the form as a whole).
struct FormErrors: Error {
    let fields: [String: String]
}
