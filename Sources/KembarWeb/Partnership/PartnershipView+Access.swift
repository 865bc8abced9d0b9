import KembarCore

/// The page as a visitor may use it (the actions of their role, who entered each record) and as
/// a printed dossier shows it.
extension PartnershipView {
    /// Keeps only the actions the visitor may take, and notes who entered each record.
    mutating func restrict(
        to access: PartnershipAccess, organizationID: String, partnershipID: String, partner: Partner, words: Words
    ) {
        func annotated(_ entries: [RecordEntry]) -> [RecordEntry] {
            entries.map { entry in
                var entry = entry
                if !access.canEdit {
                    entry.editHref = nil
                    entry.uploadHref = nil
                }
                entry.recordedBy = access.provenance[entry.anchor]
                return entry
            }
        }
        stages = annotated(stages)
        agreements = annotated(agreements)
        obligations = annotated(obligations)
        activities = annotated(activities)
        documents = annotated(documents)
        if !access.canEdit { actions = [] }
        if access.canEdit {
            actions.append(
                Link(
                    href: SitePath.proposals(organizationID, partnershipID),
                    label: words.text("action_review_proposals", ["count": words.count(access.pendingProposals)])))
            actions.append(
                Link(
                    href: SitePath.submissions(organizationID, partnershipID),
                    label: words.text(
                        "action_review_submissions", ["count": words.count(access.pendingSubmissions)])))
        }
        if access.canSubmitActivity {
            actions.append(
                Link(
                    href: SitePath.newSubmission(organizationID, partnershipID),
                    label: words.text("action_submit_activity")))
            actions.append(
                Link(
                    href: SitePath.contributions(organizationID, partnershipID),
                    label: words.text("action_contributions")))
        }
        if access.canReadHistory {
            actions.append(
                Link(href: SitePath.history(organizationID, partnershipID), label: words.text("action_history")))
            actions.append(
                Link(href: SitePath.dossier(organizationID, partnershipID), label: words.text("action_dossier")))
            actions += Self.directoryLinks(partner, words: words)
        }
        if access.canReadEvidence {
            actions.append(
                Link(
                    href: SitePath.partnershipEvidence(organizationID, partnershipID),
                    label: words.text("action_partnership_evidence")))
        }
    }

    /// The page as a printed dossier shows it: no actions, and no links to pages of the site
    /// (the file may be read far from it); links within the document stay.
    mutating func forPrint() {
        actions = []
        func unlinked(_ entries: [RecordEntry]) -> [RecordEntry] {
            entries.map { entry in
                var entry = entry
                entry.editHref = nil
                entry.uploadHref = nil
                entry.href = nil
                return entry
            }
        }
        stages = unlinked(stages)
        agreements = unlinked(agreements)
        obligations = unlinked(obligations)
        activities = unlinked(activities)
        documents = unlinked(documents)
    }

    /// The partner's other twins, and who else at home works with its country, from the world's
    /// twin-town directory and Kembar's records.
    static func directoryLinks(_ partner: Partner, words: Words) -> [Link] {
        [
            Link(
                href: SitePath.directory(searching: partner.name, in: partner.country),
                label: words.text("action_partner_twins", ["name": partner.name])),
            Link(
                href: SitePath.directory + "?country=" + partner.country,
                label: words.text("action_country_peers", ["country": words.country(partner.country)])),
        ]
    }
}
