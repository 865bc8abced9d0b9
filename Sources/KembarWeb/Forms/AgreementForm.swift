import Foundation
import KembarCore

/// The form for an agreement: its kind, dates, signatories, areas, objectives and clauses.
struct AgreementForm {
    let partnership: Partnership
    let homeName: String
    let words: Words

    static let signatories = RowGroup(name: "signatories", fields: ["side", "name", "title"])
    /// The areas and clauses offered as boxes; others may be typed.
    static let standardAreas = [
        "economy", "science-technology", "education-culture", "environment-urban", "health", "governance", "other",
    ]
    static let standardClauses = ["roles", "timeframe", "focal-points", "funding", "dispute-resolution", "review"]

    func state(from agreement: Agreement?) -> FormState {
        var state = FormState()
        guard let agreement else { return state }
        state["id"] = agreement.id
        state["type"] = agreement.type.rawValue
        state["signed"] = agreement.signed.description
        state["valid_from"] = agreement.validFrom?.description ?? ""
        state["valid_until"] = agreement.validUntil?.description ?? ""
        state["supersedes"] = agreement.supersedes ?? ""
        state.set("areas", agreement.areas.filter(Self.standardAreas.contains))
        state["other_areas"] = agreement.areas.filter { !Self.standardAreas.contains($0) }.joined(separator: ", ")
        state["objectives"] = agreement.objectives.joined(separator: "\n")
        state.set("clauses", agreement.clauses.filter(Self.standardClauses.contains))
        state["other_clauses"] = agreement.clauses.filter { !Self.standardClauses.contains($0) }.joined(separator: ", ")
        Self.signatories.fill(&state, agreement.signatories) {
            ["side": $0.side.rawValue, "name": $0.name, "title": $0.title ?? ""]
        }
        return state
    }

    func read(_ state: FormState) -> (Agreement?, [String: String]) {
        var reader = FormReader(state, words: words)
        let type: Agreement.Kind? = reader.choice("type", required: true)
        let signed = reader.date("signed", required: true)
        let id = reader.identifier(
            "id", from: type.map { $0.rawValue + "-" + String(reader.state["signed"].prefix(4)) })
        let validFrom = reader.date("valid_from", required: false)
        let validUntil = reader.date("valid_until", required: false)
        let supersedes = state["supersedes"].isEmpty ? nil : state["supersedes"]
        var areas = state.all("areas").filter { !$0.isEmpty }
        for area in (reader.text("other_areas", required: false) ?? "").split(separator: ",") {
            let trimmed = area.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty, !areas.contains(trimmed) { areas.append(trimmed) }
        }
        var clauses = state.all("clauses").filter { !$0.isEmpty }
        for clause in (reader.text("other_clauses", required: false) ?? "").split(separator: ",") {
            let trimmed = clause.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty, !clauses.contains(trimmed) { clauses.append(trimmed) }
        }
        let objectives = reader.lines("objectives")
        let signatories = Self.signatories.filledRows(state).compactMap { row -> Signatory? in
            let group = Self.signatories
            let side: Side? = reader.choice(group.key(row, "side"), required: true)
            let name = reader.text(group.key(row, "name"), required: true)
            let title = reader.text(group.key(row, "title"), required: false)
            guard let side, let name else { return nil }
            return Signatory(side: side, name: name, title: title)
        }
        guard reader.errors.isEmpty, let id, let type, let signed else { return (nil, reader.errors) }
        return (
            Agreement(
                id: id, type: type, signed: signed, validFrom: validFrom, validUntil: validUntil,
                supersedes: supersedes,
                signatories: signatories, areas: areas, objectives: objectives, clauses: clauses),
            [:]
        )
    }

    func page(
        _ state: FormState, errors: [String: String], action: String, cancel: String, heading: String,
        original: Agreement?
    )
        -> FormPage
    {
        let build = FieldBuilder(state: state, errors: errors, words: words)
        let sides = [
            ("", words.text("choose")), (Side.home.rawValue, homeName),
            (Side.partner.rawValue, partnership.partner.name),
        ]
        let earlier = partnership.agreements.filter { $0.id != original?.id }
        let main = FormPage.Section(
            legend: words.text("form_agreement"),
            fields: [
                build.choice(
                    "type", "field_agreement_type", Agreement.Kind.self, family: "agreement-type", required: true),
                build.date("signed", "field_signed", required: true), build.text("id", "field_id", hint: "hint_id"),
                build.date("valid_from", "field_valid_from"), build.date("valid_until", "field_valid_until"),
                build.select(
                    "supersedes", "field_supersedes",
                    [("", words.text("none"))]
                        + earlier.map { ($0.id, words.agreement($0)) }),
                build.checkboxes(
                    "areas", "field_areas", Self.standardAreas.map { ($0, words.term("area.\($0)", fallback: $0)) }),
                build.text("other_areas", "field_other_areas", hint: "hint_other_areas"),
                build.textarea("objectives", "field_objectives", hint: "hint_lines"),
                build.checkboxes(
                    "clauses", "field_clauses",
                    Self.standardClauses.map { ($0, words.term("clause.\($0)", fallback: $0)) },
                    hint: "hint_clauses"),
                build.text("other_clauses", "field_other_clauses", hint: "hint_other_areas"),
            ],
            tables: [
                build.table(
                    Self.signatories, legendKey: "field_signatories",
                    headerKeys: ["field_side", "field_name", "field_signatory_title"]
                ) { build, field in
                    [
                        build.select(field("side"), "field_side", sides),
                        build.text(field("name"), "field_name"),
                        build.text(field("title"), "field_signatory_title"),
                    ]
                }
            ])
        return FormPage(
            action: action, heading: heading, intro: words.text("form_agreement_intro"), errors: errors,
            sections: [main], submitLabel: words.text("save"), cancelHref: cancel, cancelLabel: words.text("cancel"))
    }
}

extension AgreementForm {
    /// The form's fields by the names `kembar/1` gives an agreement's fields; the rules between
    /// them (dates in order, ids unique, what it supersedes present) are the record validator's.
    static let recordFields = [
        "id": "id", "type": "type", "signed": "signed", "validFrom": "valid_from", "validUntil": "valid_until",
        "supersedes": "supersedes", "areas": "areas",
    ]
}
