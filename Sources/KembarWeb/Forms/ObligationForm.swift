import Foundation
import KembarCore

/// The form for a promise an agreement makes: a yearly meeting, a report, a once-only task.
struct ObligationForm {
    let partnership: Partnership
    let words: Words

    func state(from obligation: Obligation?) -> FormState {
        var state = FormState()
        guard let obligation else {
            state["agreement"] = partnership.agreements.last?.id ?? ""
            return state
        }
        state["id"] = obligation.id
        state["agreement"] = obligation.agreement
        state["title"] = obligation.title
        state["every"] = obligation.every.rawValue
        state["from"] = obligation.from.description
        state["until"] = obligation.until?.description ?? ""
        state["alternate_host"] = obligation.alternateHost == true ? "yes" : ""
        return state
    }

    func read(_ state: FormState) -> (Obligation?, [String: String]) {
        var reader = FormReader(state, words: words)
        let title = reader.text("title", required: true, maximum: FormReader.maximumText)
        let id = reader.identifier("id", from: title.map(FormReader.slug))
        let agreement = reader.text("agreement", required: true)
        let every: Obligation.Recurrence? = reader.choice("every", required: true)
        let from = reader.date("from", required: true)
        let until = reader.date("until", required: false)
        guard reader.errors.isEmpty, let id, let title, let agreement, let every, let from else {
            return (nil, reader.errors)
        }
        return (
            Obligation(
                id: id, agreement: agreement, title: title, every: every, from: from, until: until,
                alternateHost: reader.checked("alternate_host") ? true : nil),
            [:]
        )
    }

    func page(_ state: FormState, errors: [String: String], action: String, cancel: String, heading: String) -> FormPage
    {
        let build = FieldBuilder(state: state, errors: errors, words: words)
        return FormPage(
            action: action, heading: heading,
            intro: words.text(
                partnership.agreements.isEmpty ? "form_obligation_needs_agreement" : "form_obligation_intro"),
            errors: errors,
            sections: [
                FormPage.Section(
                    legend: words.text("form_obligation"),
                    fields: [
                        build.text("title", "field_title", required: true),
                        build.text("id", "field_id", hint: "hint_id"),
                        build.select(
                            "agreement", "field_agreement",
                            [("", words.text("choose"))]
                                + partnership.agreements.map { ($0.id, words.agreement($0)) },
                            required: true),
                        build.choice(
                            "every", "field_every", Obligation.Recurrence.self, family: "recurrence", required: true),
                        build.date("from", "field_from", required: true), build.date("until", "field_until"),
                        build.checkbox("alternate_host", "field_alternate_host"),
                    ],
                    tables: [])
            ],
            submitLabel: words.text("save"), cancelHref: cancel, cancelLabel: words.text("cancel"))
    }
}

extension ObligationForm {
    /// The form's fields by the names `kembar/1` gives an obligation's fields; the rules between
    /// them (dates in order, ids unique, its agreement present) are the record validator's.
    static let recordFields = [
        "id": "id", "title": "title", "agreement": "agreement", "every": "every", "from": "from", "until": "until",
    ]
}
