import Foundation
import KembarCore
import KembarStore

/// The kinds of record that hang off a partnership and have forms of their own.
enum RecordKind: String {
    case activities
    case agreements
    case obligations
    case stages

    var entity: String {
        switch self {
        case .activities: "activity"
        case .agreements: "agreement"
        case .obligations: "obligation"
        case .stages: "stage"
        }
    }

    var notice: SavedNotice {
        switch self {
        case .activities: .activity
        case .agreements: .agreement
        case .obligations: .obligation
        case .stages: .stage
        }
    }
}

/// Connects a record kind's form to the partnership it changes: fills the form from the record,
/// and turns a valid form into the partnership with the record added or replaced.
struct RecordFormHandler {
    let kind: RecordKind
    let stored: StoredPartnership
    let words: Words

    enum Outcome {
        case success(Applied)
        case failure([String: String])
    }

    /// The partnership as it will be saved, and what changed in it.
    struct Applied {
        let partnership: Partnership
        let id: String
        let before: JSONValue?
        let after: JSONValue
        let anchor: String
    }

    private var partnership: Partnership { stored.partnership }
    private var homeName: String { stored.organization.place.name }

    func exists(_ id: String) -> Bool {
        switch kind {
        case .activities: partnership.activities.contains { $0.id == id }
        case .agreements: partnership.agreements.contains { $0.id == id }
        case .obligations: partnership.obligations.contains { $0.id == id }
        case .stages: Int(id).map { partnership.stages.indices.contains($0) } ?? false
        }
    }

    func heading(editing: Bool) -> String {
        words.text("form_\(kind.entity)_\(editing ? "edit" : "new")_heading", ["partner": partnership.partner.name])
    }

    func state(_ id: String?) -> FormState {
        switch kind {
        case .activities:
            ActivityForm(partnership: partnership, homeName: homeName, words: words).state(
                from: partnership.activities.first { $0.id == id })
        case .agreements:
            AgreementForm(partnership: partnership, homeName: homeName, words: words).state(
                from: partnership.agreements.first { $0.id == id })
        case .obligations:
            ObligationForm(partnership: partnership, words: words).state(
                from: partnership.obligations.first { $0.id == id })
        case .stages:
            StageForm(words: words).state(
                from: id.flatMap(Int.init).flatMap {
                    partnership.stages.indices.contains($0) ? partnership.stages[$0] : nil
                })
        }
    }

    /// The fields to open the form on: empty for a new record; a record's own, with the
    /// fingerprint of what they hold (``EditBasis``).
    func stateToEdit(_ id: String?) -> FormState {
        id == nil ? state(nil) : EditBasis.stamped(state(id))
    }

    func page(
        _ state: FormState, errors: [String: String], action: String, cancel: String, heading: String, recordID: String?
    )
        -> FormPage
    {
        switch kind {
        case .activities:
            ActivityForm(partnership: partnership, homeName: homeName, words: words)
                .page(state, errors: errors, action: action, cancel: cancel, heading: heading)
                .offeringUpload(
                    for: partnership.activities.first { $0.id == recordID }, organizationID: stored.organization.id,
                    partnershipID: partnership.id, words: words)
        case .agreements:
            AgreementForm(partnership: partnership, homeName: homeName, words: words)
                .page(
                    state, errors: errors, action: action, cancel: cancel, heading: heading,
                    original: partnership.agreements.first { $0.id == recordID })
        case .obligations:
            ObligationForm(partnership: partnership, words: words).page(
                state, errors: errors, action: action, cancel: cancel, heading: heading)
        case .stages:
            StageForm(words: words).page(state, errors: errors, action: action, cancel: cancel, heading: heading)
        }
    }

    func apply(_ state: FormState, recordID: String?) -> Outcome {
        switch kind {
        case .activities: applyActivity(state, recordID: recordID)
        case .agreements: applyAgreement(state, recordID: recordID)
        case .obligations: applyObligation(state, recordID: recordID)
        case .stages: applyStage(state, recordID: recordID)
        }
    }

    private func applyActivity(_ state: FormState, recordID: String?) -> Outcome {
        var updated = partnership
        let original = partnership.activities.firstIndex { $0.id == recordID }
        let form = ActivityForm(partnership: partnership, homeName: homeName, words: words)
        let (read, errors) = form.read(state)
        guard let activity = read else { return .failure(errors) }
        switch form.checked(activity, replacing: original) {
        case .failure(let errors): return .failure(errors.fields)
        case .success(let checked): updated = checked
        }
        return .success(
            Applied(
                partnership: updated, id: activity.id,
                before: original.map { RecordEncoder.value(partnership.activities[$0]) },
                after: RecordEncoder.value(activity), anchor: SitePath.anchor("activity", activity.id)))
    }

    private func applyAgreement(_ state: FormState, recordID: String?) -> Outcome {
        var updated = partnership
        let original = partnership.agreements.firstIndex { $0.id == recordID }
        let (agreement, errors) = AgreementForm(partnership: partnership, homeName: homeName, words: words)
            .read(state)
        guard let agreement else { return .failure(errors) }
        if let original {
            let oldID = partnership.agreements[original].id
            updated.agreements[original] = agreement
            // A renamed agreement keeps what refers to it.
            if oldID != agreement.id {
                for index in updated.obligations.indices where updated.obligations[index].agreement == oldID {
                    updated.obligations[index].agreement = agreement.id
                }
                for index in updated.agreements.indices where updated.agreements[index].supersedes == oldID {
                    updated.agreements[index].supersedes = agreement.id
                }
            }
        } else {
            updated.agreements.append(agreement)
        }
        let agreementErrors = FormIssues(words: words).errors(
            of: updated,
            editing: .init(
                collection: "agreements", index: original ?? updated.agreements.count - 1,
                fields: AgreementForm.recordFields))
        guard agreementErrors.isEmpty else { return .failure(agreementErrors) }
        return .success(
            Applied(
                partnership: updated, id: agreement.id,
                before: original.map { RecordEncoder.value(partnership.agreements[$0]) },
                after: RecordEncoder.value(agreement), anchor: SitePath.anchor("agreement", agreement.id)))
    }

    private func applyObligation(_ state: FormState, recordID: String?) -> Outcome {
        var updated = partnership
        let original = partnership.obligations.firstIndex { $0.id == recordID }
        let (obligation, errors) = ObligationForm(partnership: partnership, words: words)
            .read(state)
        guard let obligation else { return .failure(errors) }
        if let original {
            let oldID = partnership.obligations[original].id
            updated.obligations[original] = obligation
            if oldID != obligation.id {
                for index in updated.activities.indices {
                    updated.activities[index].fulfils = updated.activities[index].fulfils.map {
                        $0 == oldID ? obligation.id : $0
                    }
                }
            }
        } else {
            updated.obligations.append(obligation)
        }
        let obligationErrors = FormIssues(words: words).errors(
            of: updated,
            editing: .init(
                collection: "obligations", index: original ?? updated.obligations.count - 1,
                fields: ObligationForm.recordFields))
        guard obligationErrors.isEmpty else { return .failure(obligationErrors) }
        return .success(
            Applied(
                partnership: updated, id: obligation.id,
                before: original.map { RecordEncoder.value(partnership.obligations[$0]) },
                after: RecordEncoder.value(obligation), anchor: SitePath.anchor("obligation", obligation.id)))
    }

    private func applyStage(_ state: FormState, recordID: String?) -> Outcome {
        var updated = partnership
        let original = recordID.flatMap(Int.init)
        let (stage, errors) = StageForm(words: words).read(state)
        guard let stage else { return .failure(errors) }
        let index: Int
        if let original {
            updated.stages[original] = stage
            index = original
        } else {
            updated.stages.append(stage)
            index = updated.stages.count - 1
        }
        return .success(
            Applied(
                partnership: updated, id: String(index),
                before: original.map { RecordEncoder.value(partnership.stages[$0]) },
                after: RecordEncoder.value(stage), anchor: "stage-\(index)"))
    }
}
