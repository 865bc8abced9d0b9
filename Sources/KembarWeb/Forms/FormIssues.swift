import KembarCore

/// What the record validator finds in a partnership changed by a form, said beside the form's
/// fields in the person's language: the same rules as an import or the API, checked on the typed
/// values (Core's ``RecordValidator``), never a second copy of them in the form.
struct FormIssues {
    let words: Words

    /// The record a form edits: its collection in `kembar/1` (`activities`), its position in the
    /// changed partnership, and its form fields by the names the format gives them.
    struct Record {
        let collection: String
        let index: Int
        let fields: [String: String]
    }

    /// The form's errors by field (`""` for the form as a whole); empty when it may be saved.
    func errors(of partnership: Partnership, editing record: Record) -> [String: String] {
        let base = "$.partnerships[0].\(record.collection)[\(record.index)]"
        var errors: [String: String] = [:]
        for issue in RecordValidator.issues(of: partnership) {
            let field = self.field(of: issue, base: base, record: record, in: partnership)
            if errors[field] == nil { errors[field] = message(issue) }
        }
        return errors
    }

    /// The form field an issue is about: a field of the edited record, or the record's id when
    /// another record already uses it; else the form as a whole.
    private func field(of issue: ValidationIssue, base: String, record: Record, in partnership: Partnership)
        -> String
    {
        if issue.kind == .duplicateId, issue.path.hasPrefix("$.partnerships[0].\(record.collection)[") {
            return "id"
        }
        guard issue.path.hasPrefix(base + ".") else { return "" }
        let rest = issue.path.dropFirst(base.count + 1)
        let name = String(rest.prefix { $0 != "." && $0 != "[" })
        return record.fields[name] ?? ""
    }

    private func message(_ issue: ValidationIssue) -> String {
        switch issue.kind {
        case .endBeforeStart: words.text("error_end_before_start")
        case .duplicateId: words.text("error_duplicate_id")
        case .danglingReference:
            issue.path.contains(".evidence") ? words.text("error_unknown_document") : words.text("error_choice")
        default: words.text("error_record", ["problem": issue.message])
        }
    }
}
