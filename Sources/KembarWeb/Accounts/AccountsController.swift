import Foundation
import Hummingbird
import KembarCore
import KembarStore

/// The administrator's pages: the accounts of the government (or of the whole deployment), and
/// forms to invite a person, change a role, disable an account or issue a new one-time password.
/// Kembar sends no e-mail: the one-time password is shown once, to be handed over in person or
/// by the office's own channel, and must be changed at first sign-in.
struct AccountsController {
    let site: Site

    func addRoutes(to table: inout RouteTable) {
        table.on(.accounts) { request, context in try await list(request, context) }
        table.on(.newAccount) { request, context in
            try await edit(request, context, id: nil, post: false)
        }
        table.on(.newAccount, .post) { request, context in
            try await edit(request, context, id: nil, post: true)
        }
        table.on(.account) { request, context in
            try await edit(request, context, id: try context.parameters.require("account", as: Int.self), post: false)
        }
        table.on(.account, .post) { request, context in
            try await edit(request, context, id: try context.parameters.require("account", as: Int.self), post: true)
        }
    }

    struct Row {
        let href: String
        let email: String
        let name: String
        let role: String
        let government: String
        let partnership: String
        let status: String
    }

    struct ListView {
        let rows: [Row]
        let newAccount: String
    }

    private func administrator(_ context: KembarRequestContext) throws -> Account {
        let account = try context.account
        return account
    }

    private func list(_ request: Request, _ context: KembarRequestContext) async throws -> HTMLPage {
        let admin = try administrator(context)
        let words = context.words
        let names = Dictionary(uniqueKeysWithValues: try await site.store.organizations().map { ($0.id, $0.name) })
        var partners: [String: String] = [:]
        let accounts = try await site.accounts.accounts(organizationID: admin.organizationID)
        for organizationID in Set(accounts.filter { $0.partnershipID != nil }.compactMap(\.organizationID)) {
            for partnership in try await site.index(organizationID)?.partnerships ?? [] {
                partners[organizationID + "/" + partnership.id] = partnership.partnerName
            }
        }
        let rows = accounts.map { account in
            Row(
                href: SitePath.account(account.id), email: account.email, name: account.name,
                role: words.term(account.role, "account-role"),
                government: account.organizationID.map { names[$0] ?? $0 } ?? words.text("accounts_whole_deployment"),
                partnership: account.partnershipID.map { id in
                    partners[(account.organizationID ?? "") + "/" + id] ?? id
                } ?? "",
                status: words.text(account.disabled ? "accounts_disabled" : "accounts_active"))
        }
        return site.page(
            "accounts", title: words.text("accounts_title"),
            model: ListView(rows: rows, newAccount: SitePath.newAccount),
            words: words, request, context, section: .accounts)
    }

    private func edit(_ request: Request, _ context: KembarRequestContext, id: Int?, post: Bool) async throws
        -> Response
    {
        let admin = try administrator(context)
        let words = context.words
        var existing: Account?
        if let id {
            guard let found = try await site.accounts.account(id: id),
                admin.canManageAccounts(of: found.organizationID)
            else { throw AccessDenied.notFound }
            existing = found
        }
        let organizations = try await site.store.organizations().filter { admin.canManageAccounts(of: $0.id) }
        var partnerships: [(String, String)] = []
        for organization in organizations {
            for partnership in try await site.index(organization.id)?.partnerships ?? [] {
                partnerships.append((partnership.id, "\(organization.name): \(partnership.partnerName)"))
            }
        }
        var state = FormState()
        if post {
            state = try await FormState.read(request)
        } else if let existing {
            state = EditBasis.stamped(Self.state(of: existing))
        } else {
            state["role"] = Role.officer.rawValue
            state["organization"] = admin.organizationID ?? organizations.first?.id ?? ""
        }
        let action = existing.map { SitePath.account($0.id) } ?? SitePath.newAccount
        let heading =
            existing.map { words.text("accounts_edit_title", ["email": $0.email]) }
            ?? words.text("accounts_new_title")
        func formPage(_ state: FormState, _ errors: [String: String]) -> FormPage {
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
                    [("", words.text("accounts_no_partnership"))] + partnerships,
                    hint: "field_account_partnership_hint"))
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
        func show(_ page: FormPage, status: HTTPResponse.Status) throws -> Response {
            try site.page("form", title: heading, model: page, words: words, request, context, status: status)
                .response(from: request, context: context)
        }
        func form(_ errors: [String: String], status: HTTPResponse.Status) throws -> Response {
            try show(formPage(state, errors), status: status)
        }
        guard post else { return try form([:], status: .ok) }
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
        guard reader.errors.isEmpty, let email, let role else {
            return try form(reader.errors, status: .unprocessableContent)
        }
        let draft = AccountStore.Draft(
            email: email, name: name, role: role, organizationID: organizationID, partnershipID: partnershipID)
        var oneTimePassword: String?
        do {
            if let existing {
                if existing.id == admin.id, role != .admin || !state["disabled"].isEmpty {
                    return try form(["role": words.text("accounts_not_yourself")], status: .unprocessableContent)
                }
                let sent = state
                _ = try await site.accounts.update(
                    id: existing.id, to: draft, disabled: !state["disabled"].isEmpty, actor: context.visitor.actor
                ) { stored in
                    if EditBasis.isOutdated(sent, current: Self.state(of: stored)) {
                        throw AccountOutdated(account: stored)
                    }
                }
                if !state["reset"].isEmpty {
                    let password = Passwords.oneTime()
                    try await site.accounts.setPassword(
                        id: existing.id, to: password, oneTime: true, keepingSession: nil, actor: context.visitor.actor)
                    oneTimePassword = password
                }
            } else {
                let password = Passwords.oneTime()
                try await site.accounts.create(draft, password: password, oneTime: true, actor: context.visitor.actor)
                oneTimePassword = password
            }
        } catch let error as AccountError {
            return try form([Self.field(of: error): Self.message(error, words: words)], status: .unprocessableContent)
        } catch let outdated as AccountOutdated {
            // The audit log files an account under its government; a deployment-wide one has none to look in.
            let refused = try await EditConflict(words: words).answer(
                state, current: Self.state(of: outdated.account),
                of: .init(
                    organizationID: outdated.account.organizationID, entity: "account",
                    entityID: outdated.account.email),
                in: site.database, page: formPage)
            return try show(refused, status: .conflict)
        }
        guard let oneTimePassword else {
            return Response(status: .seeOther, headers: [.location: SitePath.accounts])
        }
        return try site.message(
            request, context, words: words, title: words.text("accounts_password_title"),
            message: words.text(
                "accounts_password_message", ["email": AccountStore.normalized(email), "password": oneTimePassword]),
            status: .ok
        ).response(from: request, context: context)
    }

    /// The form's fields as an account fills them.
    private static func state(of account: Account) -> FormState {
        var state = FormState()
        state["name"] = account.name
        state["role"] = account.role.rawValue
        state["organization"] = account.organizationID ?? ""
        state["partnership"] = account.partnershipID ?? ""
        state["disabled"] = account.disabled ? "yes" : ""
        return state
    }

    /// The account changed after the form was opened on it; this is it now.
    private struct AccountOutdated: Error {
        let account: Account
    }

    private static func field(of error: AccountError) -> String {
        switch error {
        case .invalidEmail, .emailTaken: "email"
        case .organizationNotFound, .organizationRequired: "organization"
        case .partnershipRequired, .partnershipNotFound, .partnershipOnlyForPartner: "partnership"
        case .lastAdministrator: "role"
        case .accountNotFound, .password: ""
        }
    }

    private static func message(_ error: AccountError, words: Words) -> String {
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
