import Foundation

/// A form as the generic form template draws it: sections of fields, tables of repeating rows,
/// and an error summary linking to each field in trouble. The same form, without its heading,
/// sits inside other pages (`form-body`): coding a passage on a document's page, say.
struct FormPage {
    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Field {
        let id: String
        let name: String
        let label: String
        var value: String
        let hint: String?
        let error: String?
        let required: Bool
        let text: Bool
        let textarea: Bool
        let select: Bool
        let checkbox: Bool
        let checkboxes: Bool
        let multiple: Bool
        let options: [Option]
        let checked: Bool
        let inputMode: String?
        let describedBy: String?
        let boxes: [Box]
        var inputType = "text"
        var autocomplete: String? = nil
        /// A file chooser, with the types it offers (`.pdf,.docx`).
        var file = false
        var accept: String? = nil
        /// Radio buttons, one per box, of which one is to be chosen.
        var radios = false
        /// A button beside the field that sends the form for a step rather than a save
        /// (`name="more"`, this value): a search, say.
        var buttonValue: String? = nil
        var buttonLabel: String? = nil
    }

    struct HiddenField {
        let name: String
        let value: String
        /// For a field a script fills in.
        var id: String? = nil
    }

    /// One box of a group of checkboxes.
    struct Box {
        let id: String
        let name: String
        let value: String
        let label: String
        let checked: Bool
    }

    struct Section {
        /// The section's title; nil for the one section of a form inside a page, whose heading
        /// already names it.
        let legend: String?
        let fields: [Field]
        let tables: [Table]
    }

    struct Table {
        let legend: String
        let headers: [String]
        let rows: [[Field]]
        let moreName: String
        let moreLabel: String
        /// A hint that holds for every row, shown once under the legend rather than in each cell.
        var note: String? = nil
    }

    struct ErrorLink {
        let href: String
        let message: String
    }

    let action: String
    let heading: String
    var intro: String?
    /// The errors at the top of the form, each naming its field and linking to it, in the
    /// order of the fields.
    private(set) var errors: [ErrorLink]
    let hasErrors: Bool
    let sections: [Section]
    var submitLabel: String
    /// Where "cancel" leads; nil for a form inside a page, which has nowhere else to go back to.
    let cancelHref: String?
    let cancelLabel: String
    /// The form element's id, which errors of the record as a whole link to.
    let formID: String
    var hidden: [HiddenField] = []
    /// Whether the form sends a file (`multipart/form-data`).
    var multipart = false
    /// Another task on the same record, offered under the introduction (uploading a document to
    /// the activity being edited).
    var related: PartnershipView.Link? = nil
    /// The label of a field people must leave empty and spam robots fill in (hidden by the style sheet).
    var honeypotLabel: String? = nil

    /// `errors` maps field names to messages; a message under a name no field has (a problem of
    /// the whole record) is listed last, linking to the form.
    init(
        action: String, heading: String, intro: String?, errors: [String: String], sections: [Section],
        submitLabel: String,
        cancelHref: String?, cancelLabel: String, formID: String = "form"
    ) {
        self.formID = formID
        self.action = action
        self.heading = heading
        self.intro = intro
        self.sections = sections
        self.submitLabel = submitLabel
        self.cancelHref = cancelHref
        self.cancelLabel = cancelLabel
        let fields = sections.flatMap { section in section.fields + section.tables.flatMap { $0.rows.flatMap { $0 } } }
        let placed = Set(fields.map(\.name))
        let links =
            fields.compactMap { field in
                field.error.map { ErrorLink(href: "#" + field.id, message: "\(field.label): \($0)") }
            }
            + errors.filter { !placed.contains($0.key) }.sorted { $0.key < $1.key }
            .map { ErrorLink(href: "#" + formID, message: $0.value) }
        self.errors = links
        hasErrors = !links.isEmpty
    }
}

extension FormPage {
    /// Lists the problems of the record as a whole before those of single fields: where they
    /// explain the others (the record was changed meanwhile), they are read first.
    mutating func putRecordProblemsFirst() {
        let whole = errors.filter { $0.href == "#" + formID }
        errors = whole + errors.filter { $0.href != "#" + formID }
    }
}

/// Builds the fields of a form from its state and errors, in one language.
struct FieldBuilder {
    let state: FormState
    let errors: [String: String]
    let words: Words
    /// Added to every label: the row a field belongs to, so that each label is unique.
    var labelSuffix: String?

    init(state: FormState, errors: [String: String], words: Words) {
        self.state = state
        self.errors = errors
        self.words = words
    }

    /// The builder for the fields of one row of a table.
    func row(_ index: Int) -> FieldBuilder {
        var builder = self
        builder.labelSuffix = words.text("row_label", ["n": words.count(index + 1)])
        return builder
    }

    /// A table of a repeating group: one column per header key, as many rows as the group shows,
    /// each built by `cells` from the row's builder and the row's field names.
    func table(
        _ group: RowGroup, legendKey: String, headerKeys: [String], note: String? = nil,
        cells: (_ build: FieldBuilder, _ field: (String) -> String) -> [FormPage.Field]
    ) -> FormPage.Table {
        FormPage.Table(
            legend: words.text(legendKey), headers: headerKeys.map(words.text),
            rows: (0..<group.rowsToShow(state)).map { row in cells(self.row(row)) { group.key(row, $0) } },
            moreName: group.name, moreLabel: words.text("more_rows"), note: note)
    }

    private func label(_ key: String) -> String {
        words.text(key) + (labelSuffix.map { " (\($0))" } ?? "")
    }

    private func id(_ name: String) -> String {
        "field-" + name.replacingOccurrences(of: ".", with: "-")
    }

    private func make(
        _ name: String, label: String, hint: String?, required: Bool, text: Bool = false, textarea: Bool = false,
        select: Bool = false, checkbox: Bool = false, checkboxes: Bool = false, multiple: Bool = false,
        options: [FormPage.Option] = [], boxes: [FormPage.Box] = [], inputMode: String? = nil
    ) -> FormPage.Field {
        let fieldID = id(name)
        let error = errors[name]
        let describedBy = [hint != nil ? fieldID + "-hint" : nil, error != nil ? fieldID + "-error" : nil].compactMap {
            $0
        }
        return FormPage.Field(
            id: fieldID, name: name, label: label, value: state[name], hint: hint, error: error, required: required,
            text: text, textarea: textarea, select: select, checkbox: checkbox, checkboxes: checkboxes,
            multiple: multiple,
            options: options, checked: !state[name].isEmpty, inputMode: inputMode,
            describedBy: describedBy.isEmpty ? nil : describedBy.joined(separator: " "), boxes: boxes)
    }

    func text(_ name: String, _ labelKey: String, hint: String? = nil, required: Bool = false, inputMode: String? = nil)
        -> FormPage.Field
    {
        make(
            name, label: label(labelKey), hint: hint.map(words.text), required: required, text: true,
            inputMode: inputMode)
    }

    /// A password field: never shown again with what was typed.
    func password(_ name: String, _ labelKey: String, autocomplete: String, hint: String? = nil) -> FormPage.Field {
        var field = make(name, label: label(labelKey), hint: hint, required: true, text: true)
        field.value = ""
        field.inputType = "password"
        field.autocomplete = autocomplete
        return field
    }

    /// A file chooser; a browser never shows a chosen file again, so neither does the form.
    func file(_ name: String, _ labelKey: String, accept: String, hint: String?) -> FormPage.Field {
        var field = make(name, label: label(labelKey), hint: hint, required: true)
        field.value = ""
        field.file = true
        field.accept = accept
        return field
    }

    func email(_ name: String, _ labelKey: String, required: Bool = true, autocomplete: String? = "email")
        -> FormPage.Field
    {
        var field = make(name, label: label(labelKey), hint: nil, required: required, text: true)
        field.inputType = "email"
        field.autocomplete = autocomplete
        return field
    }

    func date(_ name: String, _ labelKey: String, required: Bool = false) -> FormPage.Field {
        text(name, labelKey, hint: "hint_date", required: required)
    }

    func textarea(_ name: String, _ labelKey: String, hint: String? = nil, required: Bool = false) -> FormPage.Field {
        make(name, label: label(labelKey), hint: hint.map(words.text), required: required, textarea: true)
    }

    func select(
        _ name: String, _ labelKey: String, _ options: [(value: String, label: String)], required: Bool = false,
        hint: String? = nil
    )
        -> FormPage.Field
    {
        make(
            name, label: label(labelKey), hint: hint.map(words.text), required: required, select: true,
            options: options.map {
                FormPage.Option(value: $0.value, label: $0.label, selected: $0.value == state[name])
            })
    }

    /// A choice of an enumeration, offering "not known" first when the field is optional.
    func choice<T: RawRepresentable & CaseIterable>(
        _ name: String, _ labelKey: String, _ type: T.Type, family: String, required: Bool = false,
        blankKey: String = "choose"
    ) -> FormPage.Field where T.RawValue == String {
        let options =
            [(value: "", label: words.text(required ? "choose" : blankKey))]
            + T.allCases.map { (value: $0.rawValue, label: words.term($0, family)) }
        return select(name, labelKey, options, required: required)
    }

    func yesNo(_ name: String, _ labelKey: String) -> FormPage.Field {
        select(name, labelKey, [("", words.text("unknown")), ("yes", words.text("yes")), ("no", words.text("no"))])
    }

    func checkbox(_ name: String, _ labelKey: String, hint: String? = nil) -> FormPage.Field {
        make(name, label: label(labelKey), hint: hint.map(words.text), required: false, checkbox: true)
    }

    /// Radio buttons sharing one name, one per option, none chosen until the person chooses.
    func radios(
        _ name: String, _ labelKey: String, _ options: [(value: String, label: String)], required: Bool,
        hint: String? = nil
    ) -> FormPage.Field {
        var field = make(
            name, label: label(labelKey), hint: hint.map(words.text), required: required,
            boxes: options.enumerated().map { index, option in
                FormPage.Box(
                    id: id(name) + "-\(index)", name: name, value: option.value, label: option.label,
                    checked: state[name] == option.value)
            })
        field.radios = true
        return field
    }

    /// A group of checkboxes sharing one name, one per option.
    func checkboxes(
        _ name: String, _ labelKey: String, _ options: [(value: String, label: String)], hint: String? = nil
    )
        -> FormPage.Field
    {
        let chosen = Set(state.all(name))
        return make(
            name, label: label(labelKey), hint: hint.map(words.text), required: false, checkboxes: true,
            boxes: options.enumerated().map { index, option in
                FormPage.Box(
                    id: id(name) + "-\(index)", name: name, value: option.value, label: option.label,
                    checked: chosen.contains(option.value))
            })
    }
}
