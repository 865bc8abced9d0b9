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
        let mail: MailLogView
    }

    private func list(_ request: Request, _ context: KembarRequestContext) async throws -> HTMLPage {
        let admin = try context.account
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
            model: ListView(
                rows: rows, newAccount: SitePath.newAccount, mail: try await mailLog(admin, accounts, words)),
            words: words, request, context, section: .accounts)
    }

    private func edit(_ request: Request, _ context: KembarRequestContext, id: Int?, post: Bool) async throws
        -> Response
    {
        let form = try await accountForm(context, id: id)
        let words = context.words
        let state = post ? try await FormState.read(request) : form.initialState()
        func show(_ page: FormPage, status: HTTPResponse.Status) throws -> Response {
            try site.page("form", title: form.heading, model: page, words: words, request, context, status: status)
                .response(from: request, context: context)
        }
        guard post else { return try show(form.page(state, [:]), status: .ok) }
        let (read, errors) = form.read(state)
        guard let draft = read else { return try show(form.page(state, errors), status: .unprocessableContent) }
        let outcome: Saved
        do {
            outcome = try await save(draft, of: form, state: state, actor: context.visitor.actor)
        } catch let error as AccountError {
            return try show(
                form.page(state, [AccountForm.field(of: error): form.message(error)]), status: .unprocessableContent)
        } catch let outdated as AccountOutdated {
            // The audit log files an account under its government; a deployment-wide one has none to look in.
            let refused = try await EditConflict(words: words).answer(
                state, current: AccountForm.state(of: outdated.account),
                of: .init(
                    organizationID: outdated.account.organizationID, entity: "account",
                    entityID: outdated.account.email),
                in: site.database, page: form.page)
            return try show(refused, status: .conflict)
        }
        switch outcome {
        case .saved:
            return Response(status: .seeOther, headers: [.location: SitePath.accounts])
        case .invited(let email):
            return try site.message(
                request, context, words: words, title: words.text("accounts_invited_title"),
                message: words.text("accounts_invited_message", ["email": email]), status: .ok
            ).response(from: request, context: context)
        case .oneTimePassword(let password):
            return try site.message(
                request, context, words: words, title: words.text("accounts_password_title"),
                message: words.text(
                    "accounts_password_message",
                    ["email": AccountStore.normalized(draft.email), "password": password]),
                status: .ok
            ).response(from: request, context: context)
        }
    }

    /// The mail sent to the accounts the administrator manages (every account's, for the deployment's).
    private func mailLog(_ admin: Account, _ accounts: [Account], _ words: Words) async throws -> MailLogView {
        let outbox = Outbox(database: site.database)
        let managed = Set(accounts.map(\.id))
        let messages = try await outbox.log(limit: 200).filter { message in
            admin.organizationID == nil || message.accountID.map(managed.contains) == true
        }
        return MailLogView(
            setup: site.mail, messages: Array(messages.prefix(50)), counts: try await outbox.counts(), words: words)
    }

    /// The form for the account `id` (nil: an invitation), over what the administrator manages.
    private func accountForm(_ context: KembarRequestContext, id: Int?) async throws -> AccountForm {
        let admin = try context.account
        var existing: Account?
        if let id {
            guard let found = try await site.accounts.account(id: id), admin.canManageAccounts(of: found.organizationID)
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
        return AccountForm(
            admin: admin, existing: existing, organizations: organizations, partnerships: partnerships,
            words: context.words)
    }

    /// What saving an account leads to.
    private enum Saved {
        case saved
        /// A new account was sent an invitation by mail.
        case invited(String)
        /// A one-time password to hand over (no mail server, or a reset asked for).
        case oneTimePassword(String)
    }

    /// Writes the account: a new one is invited by mail when a mail server is configured, and
    /// given a one-time password to hand over otherwise.
    private func save(_ draft: AccountStore.Draft, of form: AccountForm, state: FormState, actor: String) async throws
        -> Saved
    {
        guard let existing = form.existing else {
            let password = Passwords.oneTime()
            let account = try await site.accounts.create(draft, password: password, oneTime: true, actor: actor)
            guard let composer = try await site.mailComposer() else { return .oneTimePassword(password) }
            let government = try await site.governmentName(of: account)
            let language = try await MailSettingsStore(database: site.database).settings(of: account).language
            try await AccountLinkStore(database: site.database).send(.invitation, accountID: account.id) { token in
                let message = try composer.link(
                    to: account, language: language, purpose: .invitation, token: token, government: government)
                return Outbox.Draft(
                    message, key: "invitation:" + SecretToken.hash(token), kind: "invitation", accountID: account.id)
            }
            return .invited(account.email)
        }
        _ = try await site.accounts.update(
            id: existing.id, to: draft, disabled: !state["disabled"].isEmpty, actor: actor
        ) { stored in
            if EditBasis.isOutdated(state, current: AccountForm.state(of: stored)) {
                throw AccountOutdated(account: stored)
            }
        }
        guard !state["reset"].isEmpty else { return .saved }
        let password = Passwords.oneTime()
        try await site.accounts.setPassword(
            id: existing.id, to: password, oneTime: true, keepingSession: nil, actor: actor)
        return .oneTimePassword(password)
    }

    /// The account changed after the form was opened on it; this is it now.
    private struct AccountOutdated: Error {
        let account: Account
    }
}
