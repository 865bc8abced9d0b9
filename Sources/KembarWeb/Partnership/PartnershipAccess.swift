import KembarCore
import KembarStore

/// What the visitor may do on a partnership's page, and what waits for them there.
struct PartnershipAccess: Sendable {
    var canEdit = false
    var canReadHistory = false
    var canReadEvidence = false
    var canSubmitActivity = false
    var pendingProposals = 0
    var pendingSubmissions = 0
    /// Record anchor → who entered it (and who confirmed it), from the audit log.
    var provenance: [String: String] = [:]

    init() {}

    init(account: Account, organizationID: String, partnershipID: String) {
        canEdit = account.canEdit(organizationID: organizationID)
        canReadHistory = account.canReadHistory(organizationID: organizationID)
        canReadEvidence = account.canReadEvidence(organizationID: organizationID)
        canSubmitActivity = account.canSubmitActivity(organizationID: organizationID, partnershipID: partnershipID)
    }

    /// Who entered each record, read from the partnership's `create` audit entries (newest first,
    /// as the log gives them): the first person to create it, and the officer who confirmed an
    /// entry from the partner city.
    static func provenance(_ entries: [AuditEntry], words: Words) -> [String: String] {
        var entered: [String: String] = [:]
        var confirmed: [String: String] = [:]
        var submitters: [String: String] = [:]
        for entry in entries.reversed() {
            guard let id = entry.entityID else { continue }
            let anchor = SitePath.anchor(entry.entity, id)
            if entry.entity == "activity", let submitter = PartnerSubmissionStore.enteredBy(confirmation: entry.summary)
            {
                submitters[anchor] = submitter
                confirmed[anchor] = entry.actor
            } else if entered[anchor] == nil {
                entered[anchor] = entry.actor
            }
        }
        var result: [String: String] = [:]
        for (anchor, actor) in entered { result[anchor] = words.text("entered_by", ["who": words.actor(actor)]) }
        for (anchor, submitter) in submitters {
            result[anchor] = words.text(
                "entered_by_partner",
                ["who": words.actor(submitter), "confirmer": words.actor(confirmed[anchor] ?? "")])
        }
        return result
    }
}
