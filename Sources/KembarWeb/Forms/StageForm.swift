import Foundation
import KembarCore

/// The form for a step on the path to (and past) the agreement.
struct StageForm {
    let words: Words

    func state(from stage: StageEvent?) -> FormState {
        var state = FormState()
        if let stage {
            state["stage"] = stage.stage.rawValue
            state["date"] = stage.date.description
            state["note"] = stage.note ?? ""
        }
        return state
    }

    func read(_ state: FormState) -> (StageEvent?, [String: String]) {
        var reader = FormReader(state, words: words)
        let stage: StageEvent.Stage? = reader.choice("stage", required: true)
        let date = reader.date("date", required: true)
        let note = reader.text("note", required: false, maximum: FormReader.maximumText, multiline: true)
        guard reader.errors.isEmpty, let stage, let date else { return (nil, reader.errors) }
        return (StageEvent(stage: stage, date: date, note: note), [:])
    }

    func page(_ state: FormState, errors: [String: String], action: String, cancel: String, heading: String) -> FormPage
    {
        let build = FieldBuilder(state: state, errors: errors, words: words)
        return FormPage(
            action: action, heading: heading, intro: words.text("form_stage_intro"), errors: errors,
            sections: [
                FormPage.Section(
                    legend: words.text("form_stage"),
                    fields: [
                        build.choice("stage", "field_stage", StageEvent.Stage.self, family: "stage", required: true),
                        build.date("date", "field_date", required: true), build.textarea("note", "field_note"),
                    ],
                    tables: [])
            ],
            submitLabel: words.text("save"), cancelHref: cancel, cancelLabel: words.text("cancel"))
    }
}
