import Foundation
import KembarCore
import KembarStore

/// The form for a partnership: its id and kind and, for a new one, its government and partner
/// (an existing partner, or a new one described in the same form).
struct PartnershipForm {
    let organizations: [Organization]
    let partners: [(id: String, partner: Partner, partnerships: [String])]
    let words: Words
    /// Whether this is a new partnership (which chooses its government and partner).
    let isNew: Bool

    static let newPartner = ""
    /// The gazetteer's cities offered for the new partner after a search.
    var offer = PlaceSearch.Offer()
    var partnerForm: PartnerForm { PartnerForm(words: words, prefix: "partner_", offer: offer) }

    func state(from partnership: Partnership?) -> FormState {
        var state = FormState()
        state["organization"] = organizations.first?.id ?? ""
        if let partnership {
            state["id"] = partnership.id
            state["kind"] = partnership.kind.rawValue
        } else {
            state["kind"] = Partnership.Kind.sisterCity.rawValue
            state["partner_kind"] = Partner.Kind.city.rawValue
        }
        return state
    }

    struct Result {
        let organizationID: String
        let id: String
        let kind: Partnership.Kind
        /// For a new partnership: the partner chosen or described.
        let partner: PartnerChoice?
        let newPartner: Partner?
    }

    func read(_ state: FormState, existingIDs: (String) -> Set<String>, originalID: String?) -> (
        Result?, [String: String]
    ) {
        var reader = FormReader(state, words: words)
        // The form asks for the government only when the account edits several.
        let organizationID =
            isNew && organizations.count > 1 ? state["organization"] : (organizations.first?.id ?? "")
        let organization = organizations.first { $0.id == organizationID }
        if organization == nil { reader.fail("organization", "error_choice") }
        let kind: Partnership.Kind? = reader.choice("kind", required: true)
        var partner: PartnerChoice?
        var newPartner: Partner?
        var partnerName: String?
        if isNew {
            if state["partner"] == Self.newPartner {
                newPartner = partnerForm.read(&reader)
                partnerName = newPartner?.name
                partner = newPartner.map { .new($0) }
            } else if let existing = partners.first(where: { $0.id == state["partner"] }) {
                partner = .existing(existing.id)
                partnerName = existing.partner.name
            } else {
                reader.fail("partner", "error_choice")
            }
        }
        let id = reader.identifier(
            "id", from: partnerName.map { FormReader.slug((organization?.place.name ?? "") + " " + $0) })
        if let id, id != originalID, existingIDs(organizationID).contains(id) {
            reader.fail("id", "error_duplicate_id")
        }
        guard reader.errors.isEmpty, let id, let kind else { return (nil, reader.errors) }
        return (
            Result(organizationID: organizationID, id: id, kind: kind, partner: partner, newPartner: newPartner), [:]
        )
    }

    func page(_ state: FormState, errors: [String: String], action: String, cancel: String, heading: String) -> FormPage
    {
        let build = FieldBuilder(state: state, errors: errors, words: words)
        var fields: [FormPage.Field] = []
        if isNew, organizations.count > 1 {
            fields.append(
                build.select(
                    "organization", "field_organization", organizations.map { ($0.id, $0.name) }, required: true))
        }
        fields.append(
            build.choice(
                "kind", "field_partnership_kind", Partnership.Kind.self, family: "partnership-kind", required: true))
        fields.append(build.text("id", "field_id", hint: "hint_id"))
        var sections = [FormPage.Section(legend: words.text("form_partnership"), fields: fields, tables: [])]
        if isNew {
            let existing = partners.map {
                (value: $0.id, label: "\($0.partner.name) (\(words.country($0.partner.country)))")
            }
            sections.append(
                FormPage.Section(
                    legend: words.text("form_partnership_partner"),
                    fields: [
                        build.select(
                            "partner", "field_partner", [(Self.newPartner, words.text("new_partner"))] + existing)
                    ]
                        + partnerForm.fields(build),
                    tables: []))
        }
        return FormPage(
            action: action, heading: heading,
            intro: words.text(isNew ? "form_partnership_new_intro" : "form_partnership_intro"),
            errors: errors, sections: sections, submitLabel: words.text("save"),
            cancelHref: cancel,
            cancelLabel: words.text("cancel"))
    }
}
