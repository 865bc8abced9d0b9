import KembarCore
import KembarStore

/// The form that invites a person or changes an account: what it shows an administrator (the
/// governments and partnerships they manage), and the account it reads back.
struct AccountForm {
    let admin: Account
    /// The account edited; nil for an invitation.
    let existing: Account?
    let organizations: [Organization]
    /// Every partnership of those governments, as (id, "Government: Partner").
    let partnerships: [(String, String)]
    let words: Words

    var action: String { existing.map { SitePath.account($0.id) } ?? SitePath.newAccount }

    var heading: String {
        existing.map { words.text("accounts_edit_title", ["email": $0.email]) } ?? words.text("accounts_new_title")
    }

    /// The form as first opened: the account's values, or an officer of the admin's government.
    func initialState() -> FormState {
        if let existing { return EditBasis.stamped(Self.state(of: existing)) }
        var state = FormState()
        state["role"] = Role.officer.rawValue
        state["organization"] = admin.organizationID ?? organizations.first?.id ?? ""
        return state
    }

    func page(_ state: FormState, _ errors: [String: String]) -> FormPage {
        let build = FieldBuilder(state: state, errors: errors, words: words)
        var fields: [FormPage.Field] = []
        if existing == nil { fields.append(build.email("email", "field_email", autocomplete: "off")) }
        fields.append(build.text("name", "field_person_name"))
        fields.append(build.choice("role", "field_role", Role.self, family: "account-role", required: true))
        var governments = organizations.map { ($0.id, $0.name) }
        if admin.organizationID == nil { governments.insert(("", words.text("accounts_whole_deployment")), at: 0) }
        fields.append(build.select("organization", "field_government", governments, required: true))
        fields.append(
            build.select(
                "partnership", "field_account_partnership",
                [("", words.text("accounts_no_partnership"))] + partnerships, hint: "field_account_partnership_hint"))
        if existing != nil {
            fields.append(build.checkbox("disabled", "field_disabled"))
            fields.append(build.checkbox("reset", "field_reset_password"))
        }
        var page = FormPage(
            action: action, heading: heading, intro: words.text("accounts_form_intro"), errors: errors,
            sections: [FormPage.Section(legend: heading, fields: fields, tables: [])],
            submitLabel: words.text(existing == nil ? "accounts_invite" : "save"), cancelHref: SitePath.accounts,
            cancelLabel: words.text("cancel"))
        page.hidden += EditBasis.hidden(state)
        return page
    }

    /// The account the form describes, or the errors that stop it.
    func read(_ state: FormState) -> (AccountStore.Draft?, [String: String]) {
        var reader = FormReader(state, words: words)
        let email = existing?.email ?? reader.text("email", required: true, maximum: 254)
        let name = reader.text("name", required: false) ?? ""
        let role: Role? = reader.choice("role", required: true)
        let organizationID = state["organization"].isEmpty ? nil : state["organization"]
        if let organizationID, !organizations.contains(where: { $0.id == organizationID }) {
            reader.fail("organization", "error_choice")
        }
        if organizationID == nil, admin.organizationID != nil { reader.fail("organization", "error_required") }
        let partnershipID = state["partnership"].isEmpty ? nil : state["partnership"]
        guard reader.errors.isEmpty, let email, let role else { return (nil, reader.errors) }
        if let existing, existing.id == admin.id, role != .admin || !state["disabled"].isEmpty {
            return (nil, ["role": words.text("accounts_not_yourself")])
        }
        return (
            AccountStore.Draft(
                email: email, name: name, role: role, organizationID: organizationID, partnershipID: partnershipID),
            [:]
        )
    }

    /// The form's fields as an account fills them.
    static func state(of account: Account) -> FormState {
        var state = FormState()
        state["name"] = account.name
        state["role"] = account.role.rawValue
        state["organization"] = account.organizationID ?? ""
        state["partnership"] = account.partnershipID ?? ""
        state["disabled"] = account.disabled ? "yes" : ""
        return state
    }

    /// The field an account store's refusal is about.
    static func field(of error: AccountError) -> String {
        switch error {
        case .invalidEmail, .emailTaken: "email"
        case .organizationNotFound, .organizationRequired: "organization"
        case .partnershipRequired, .partnershipNotFound, .partnershipOnlyForPartner: "partnership"
        case .lastAdministrator: "role"
        case .accountNotFound, .password: ""
        }
    }

    func message(_ error: AccountError) -> String {
        switch error {
        case .invalidEmail: words.text("error_email")
        case .emailTaken: words.text("accounts_email_taken")
        case .organizationNotFound: words.text("error_choice")
        case .organizationRequired: words.text("accounts_government_required")
        case .partnershipRequired: words.text("accounts_partnership_required")
        case .partnershipNotFound: words.text("error_choice")
        case .partnershipOnlyForPartner: words.text("accounts_partnership_only_partner")
        case .lastAdministrator: words.text("accounts_last_admin")
        case .accountNotFound: words.text("not_found_message")
        case .password(let problem): problem.description
        }
    }
}
