import Foundation
import KembarStore

/// Why a form was not saved although it was valid: the record changed since the form was opened.
/// Thrown from inside the write transaction, so nothing is written; the controller shows the
/// form again with the person's entries.
enum EditRefusal: Error {
    /// Someone saved the record after the form was opened on it; `stored` is the partnership as it is now.
    case outdated(StoredPartnership)
    /// The record is no longer there under the id the form was opened on (renamed since).
    case gone(StoredPartnership)
    /// The entries are not valid against the partnership as it is now.
    case invalid([String: String], StoredPartnership)
}

/// The messages of a form whose record someone else saved meanwhile: one for the whole form, and
/// one beside each field whose saved value now differs from the person's entry, saying what the
/// record holds now, so that the person can merge the two and save again.
///
/// Every form that edits a record answers a conflict the same way, through ``answer``: the
/// person's form again (409), now based on the record as it is, with who saved it last.
struct EditConflict {
    let words: Words

    /// The record a form edits, as the audit log files it.
    struct Record {
        /// The government whose log holds it; nil for a deployment-wide account, which has none.
        let organizationID: String?
        var partnershipID: String? = nil
        let entity: String
        let entityID: String?
    }

    /// The person's form again with the messages, based on `current` (the record as it is now),
    /// and the last save of `record` named: saving it again replaces what is saved now, knowingly.
    /// `page` builds the form from fields and errors.
    func answer(
        _ submitted: FormState, current: FormState, of record: Record, in database: any KembarDatabase,
        page: (FormState, [String: String]) -> FormPage
    ) async throws -> FormPage {
        var lastChange: AuditEntry?
        if let organizationID = record.organizationID {
            lastChange = try await Self.lastChange(
                in: database, organizationID: organizationID, partnershipID: record.partnershipID,
                entity: record.entity, entityID: record.entityID)
        }
        return refusedForm(submitted, current: current, lastChange: lastChange, page: page)
    }

    private func refusedForm(
        _ submitted: FormState, current: FormState, lastChange: AuditEntry?,
        page: (FormState, [String: String]) -> FormPage
    ) -> FormPage {
        var state = submitted
        state[EditBasis.field] = EditBasis.of(current)
        let messages = self.messages(
            submitted: page(state, [:]), submittedState: state, current: page(current, [:]), currentState: current,
            lastChange: lastChange)
        var refused = page(state, messages)
        refused.putRecordProblemsFirst()
        return refused
    }

    /// The newest audit entry of one record, to say who saved it last and when.
    private static func lastChange(
        in database: any KembarDatabase, organizationID: String, partnershipID: String?, entity: String,
        entityID: String?
    ) async throws -> AuditEntry? {
        try await AuditLog.entries(
            in: database, organizationID: organizationID, partnershipID: partnershipID, limit: 50
        )
        .first { $0.entity == entity && $0.entityID == entityID }
    }

    /// `submitted` is the person's form, `current` the page the record as it is now would fill in.
    private func messages(
        submitted: FormPage, submittedState: FormState, current: FormPage, currentState: FormState,
        lastChange: AuditEntry?
    ) -> [String: String] {
        let shownNow = Self.fields(of: current)
        var messages: [String: String] = [:]
        let names = Self.fields(of: submitted).keys
        for name in names where Self.values(submittedState, name) != Self.values(currentState, name) {
            let value = shownNow[name].map(display) ?? ""
            messages[name] = words.text(
                "form_conflict_field", ["value": value.isEmpty ? words.text("form_conflict_nothing") : value])
        }
        var summary = [words.text("form_conflict")]
        if let lastChange {
            summary.append(
                words.text(
                    "form_conflict_last_saved",
                    [
                        "who": words.actor(lastChange.actor),
                        "when": lastChange.recordedAt.replacingOccurrences(of: "T", with: " "),
                    ]))
        }
        let unseen = shownNow.filter { !names.contains($0.key) && !Self.values(currentState, $0.key).isEmpty }
        if !unseen.isEmpty { summary.append(words.text("form_conflict_more_rows")) }
        messages[""] = summary.joined(separator: " ")
        return messages
    }

    /// What the saved record holds in a field, as the form would show it.
    private func display(_ field: FormPage.Field) -> String {
        if field.select { return field.options.first { $0.selected && !$0.value.isEmpty }?.label ?? "" }
        if field.checkboxes { return field.boxes.filter(\.checked).map(\.label).joined(separator: ", ") }
        if field.checkbox { return words.text(field.checked ? "yes" : "no") }
        return field.value
    }

    /// A field's values without blanks, so that an empty row and a missing one are the same.
    private static func values(_ state: FormState, _ name: String) -> [String] {
        state.all(name).filter { !$0.isEmpty }
    }

    private static func fields(of page: FormPage) -> [String: FormPage.Field] {
        let all = page.sections.flatMap { $0.fields + $0.tables.flatMap { $0.rows.flatMap { $0 } } }
        return Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
