import Foundation
import Hummingbird
import KembarCore
import KembarStore

/// "Forgot password" and the single-use links sent by mail (invitations and resets): the person
/// chooses a password and is signed in, and every other session of the account ends.
struct AccountLinkController {
    let site: Site

    func addRoutes(to table: inout RouteTable) {
        table.on(.forgotPassword) { request, context in try await forgot(request, context, post: false) }
        table.on(.forgotPassword, .post) { request, context in try await forgot(request, context, post: true) }
        table.on(.accountLink) { request, context in try await link(request, context, post: false) }
        table.on(.accountLink, .post) { request, context in try await link(request, context, post: true) }
    }

    private func forgot(_ request: Request, _ context: KembarRequestContext, post: Bool) async throws -> Response {
        let words = context.words
        let state = post ? try await FormState.read(request) : FormState()
        let composer = try await site.mailComposer()
        func form(_ errors: [String: String], intro: String, status: HTTPResponse.Status) throws -> Response {
            let build = FieldBuilder(state: state, errors: errors, words: words)
            let page = FormPage(
                action: SitePath.forgotPassword, heading: words.text("forgot_title"), intro: intro, errors: errors,
                sections: composer == nil
                    ? []
                    : [
                        FormPage.Section(
                            legend: words.text("forgot_title"), fields: [build.email("email", "field_email")],
                            tables: [])
                    ],
                submitLabel: words.text("forgot_submit"), cancelHref: SitePath.signIn, cancelLabel: words.text("cancel")
            )
            return try site.page(
                "form", title: page.heading, model: page, words: words, request, context, status: status
            )
            .response(from: request, context: context)
        }
        guard let composer else { return try form([:], intro: words.text("forgot_no_mail"), status: .ok) }
        guard post else { return try form([:], intro: words.text("forgot_intro"), status: .ok) }
        let email = state["email"].trimmingCharacters(in: .whitespacesAndNewlines)
        let now = site.security.now()
        if let until = try await site.throttle.refusedUntil(email: email, address: context.visitor.address, now: now) {
            let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
            var response = try form(
                ["": words.text("sign_in_throttled", ["minutes": words.count(minutes)])],
                intro: words.text("forgot_intro"),
                status: .tooManyRequests)
            response.headers[.retryAfter] = String(minutes * 60)
            return response
        }
        // Every request counts toward the limit, so that the form cannot be used to send floods.
        try await site.throttle.recordFailure(email: email, address: context.visitor.address, now: now)
        if AccountStore.isEmail(email), let account = try await site.accounts.account(email: email), !account.disabled {
            let settings = try await MailSettingsStore(database: site.database).settings(of: account)
            let government = try await site.governmentName(of: account)
            try await AccountLinkStore(database: site.database).send(.reset, accountID: account.id, now: now) { token in
                let message = try composer.link(
                    to: account, language: settings.language, purpose: .reset, token: token, government: government)
                return Outbox.Draft(
                    message, key: "reset:" + SecretToken.hash(token), kind: "password-reset", accountID: account.id)
            }
        }
        // The same answer whether the address has an account or not.
        return try site.message(
            request, context, words: words, title: words.text("forgot_title"),
            message: words.text("forgot_sent", ["email": email]), status: .ok
        ).response(from: request, context: context)
    }

    private func link(_ request: Request, _ context: KembarRequestContext, post: Bool) async throws -> Response {
        let words = context.words
        let token = context.parameters.get("token") ?? ""
        let links = AccountLinkStore(database: site.database)
        let now = site.security.now()
        guard let (accountID, purpose) = try await links.peek(token, now: now),
            let account = try await site.accounts.account(id: accountID), !account.disabled
        else {
            return try site.message(
                request, context, words: words, title: words.text("link_title"), message: words.text("link_invalid"),
                status: .notFound
            ).response(from: request, context: context)
        }
        let state = post ? try await FormState.read(request) : FormState()
        let errors = post ? NewPassword.problems(state, words: words) : [:]
        guard post, errors.isEmpty else {
            return try linkForm(
                request, context, token: token,
                intro: words.text("link_intro_\(purpose.rawValue)", ["email": account.email]),
                state: state, errors: errors)
        }
        guard let used = try await links.use(token, now: now), used == account.id else {
            return try site.message(
                request, context, words: words, title: words.text("link_title"), message: words.text("link_invalid"),
                status: .notFound
            ).response(from: request, context: context)
        }
        try await site.accounts.setPassword(
            id: account.id, to: state["new"], oneTime: false, keepingSession: nil,
            actor: "\(account.email) (\(account.role.rawValue)), by a mailed link")
        // The visitor had no session, so the route table does not forget the ones just ended.
        site.sessionCache.forgetAll()
        let session = try await site.sessions.open(accountID: account.id, now: now)
        return Response(
            status: .seeOther,
            headers: [
                .location: SitePath.home,
                .setCookie: site.security.cookies.session(session, maxAge: Int(site.sessions.lifetime)),
            ])
    }

    private func linkForm(
        _ request: Request, _ context: KembarRequestContext, token: String, intro: String, state: FormState,
        errors: [String: String]
    ) throws -> Response {
        let words = context.words
        let build = FieldBuilder(state: state, errors: errors, words: words)
        let page = FormPage(
            action: SitePath.accountLink(token), heading: words.text("link_title"), intro: intro, errors: errors,
            sections: [
                FormPage.Section(legend: words.text("link_title"), fields: NewPassword.fields(build, words), tables: [])
            ], submitLabel: words.text("save"), cancelHref: SitePath.signIn, cancelLabel: words.text("cancel"))
        return try site.page(
            "form", title: page.heading, model: page, words: words, request, context,
            status: errors.isEmpty ? .ok : .unprocessableContent
        ).response(from: request, context: context)
    }
}
