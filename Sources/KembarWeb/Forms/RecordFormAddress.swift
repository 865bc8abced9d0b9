import Foundation

/// Where a record's form is: the form adding a record of a kind to a partnership, or the form
/// changing one record of it.
struct RecordFormAddress {
    let kind: RecordKind
    let organizationID: String
    let partnershipID: String
    /// The record being changed; nil for a new one.
    let recordID: String?

    var action: String {
        recordID.map { SitePath.editRecord(organizationID, partnershipID, kind.rawValue, $0) }
            ?? SitePath.newRecord(organizationID, partnershipID, kind.rawValue)
    }

    var cancel: String { SitePath.partnership(organizationID, partnershipID) }

    /// The form with `state` and `errors`, carrying the fingerprint of the record it was opened on.
    func page(_ handler: RecordFormHandler, _ state: FormState, errors: [String: String]) -> FormPage {
        var page = handler.page(
            state, errors: errors, action: action, cancel: cancel, heading: handler.heading(editing: recordID != nil),
            recordID: recordID)
        page.hidden += EditBasis.hidden(state)
        return page
    }
}
