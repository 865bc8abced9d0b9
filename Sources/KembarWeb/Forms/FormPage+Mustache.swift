import Mustache

// A form of an activity has hundreds of fields and options; finding each one's members by
// reflection took most of the time its page took to render (and the time a save held a core
// while other pages waited). These answer by name instead.

extension FormPage.Field: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "label": label
        case "value": value
        case "hint": hint
        case "error": error
        case "required": required
        case "text": text
        case "textarea": textarea
        case "select": select
        case "checkbox": checkbox
        case "checkboxes": checkboxes
        case "multiple": multiple
        case "options": options
        case "checked": checked
        case "inputMode": inputMode
        case "describedBy": describedBy
        case "boxes": boxes
        case "inputType": inputType
        case "autocomplete": autocomplete
        case "file": file
        case "accept": accept
        case "radios": radios
        case "buttonValue": buttonValue
        case "buttonLabel": buttonLabel
        default: nil
        }
    }
}

extension FormPage.Option: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }
}

extension FormPage.Box: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "value": value
        case "label": label
        case "checked": checked
        default: nil
        }
    }
}
