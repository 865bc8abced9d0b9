import KembarCore
import KembarStore

/// The public's form to propose an activity for a partnership: who proposes, which part of the
/// community they speak for, how to reach them, the idea, and one of the agreed areas.
struct ProposalForm {
    let stored: StoredPartnership
    let words: Words

    /// The parts of the community a proposal may come from (not the governments themselves).
    static let groups: [Participant.Group] = Participant.Group.allCases.filter(\.isCommunity)

    var areas: [String] { Array(Set(stored.partnership.agreements.flatMap(\.areas))).sorted() }

    func page(_ state: FormState, _ errors: [String: String]) -> FormPage {
        let build = FieldBuilder(state: state, errors: errors, words: words)
        var fields = [
            build.text("name", "field_proposer_name", required: true),
            build.text("organisation", "field_proposer_organisation"),
            build.select(
                "group", "field_proposer_group",
                [("", words.text("choose"))] + Self.groups.map { ($0.rawValue, words.term($0, "group")) },
                required: true),
            build.text("contact", "field_proposer_contact", hint: "field_proposer_contact_hint", required: true),
            build.textarea("idea", "field_proposal_idea", hint: "field_proposal_idea_hint", required: true),
        ]
        let areas = self.areas
        if !areas.isEmpty {
            fields.append(
                build.select(
                    "area", "field_proposal_area",
                    [("", words.text("choose"))] + areas.map { ($0, words.term("area.\($0)", fallback: $0)) }))
        }
        let organization = stored.organization.id
        let partnership = stored.partnership.id
        var page = FormPage(
            action: SitePath.propose(organization, partnership),
            heading: words.text(
                "propose_title", ["name": "\(stored.organization.place.name) – \(stored.partnership.partner.name)"]),
            intro: words.text("propose_intro"), errors: errors,
            sections: [FormPage.Section(legend: words.text("propose_legend"), fields: fields, tables: [])],
            submitLabel: words.text("propose_submit"),
            cancelHref: SitePath.publicPartnership(organization, partnership),
            cancelLabel: words.text("cancel"))
        page.honeypotLabel = words.text("honeypot_label")
        return page
    }

    /// The proposal the form describes, or the errors that stop it.
    func read(_ state: FormState) -> (Proposal.Draft?, [String: String]) {
        var reader = FormReader(state, words: words)
        let name = reader.text("name", required: true)
        let organisation = reader.text("organisation", required: false)
        var group: Participant.Group? = reader.choice("group", required: true)
        if let chosen = group, !Self.groups.contains(chosen) {
            reader.fail("group", "error_choice")
            group = nil
        }
        let contact = reader.text("contact", required: true, maximum: 200)
        let idea = reader.text("idea", required: true, maximum: FormReader.maximumText, multiline: true)
        var area = reader.text("area", required: false)
        if let chosen = area, !areas.contains(chosen) {
            reader.fail("area", "error_choice")
            area = nil
        }
        guard reader.errors.isEmpty, let name, let group, let contact, let idea else { return (nil, reader.errors) }
        return (
            Proposal.Draft(
                proposerName: name, proposerOrganization: organisation, group: group, contact: contact, idea: idea,
                area: area),
            [:]
        )
    }
}
