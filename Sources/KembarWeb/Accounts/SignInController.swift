import Foundation
import Hummingbird
import KembarCore
import KembarStore

/// Signing in and out, and choosing one's own password.
struct SignInController {
    let site: Site

    func addRoutes(to table: inout RouteTable) {
        table.on(.signIn) { request, context in try await signIn(request, context, post: false) }
        table.on(.signIn, .post) { request, context in try await signIn(request, context, post: true) }
        table.on(.signOut) { request, context in try signOutPage(request, context) }
        table.on(.signOut, .post) { request, context in try await signOut(request, context) }
        table.on(.password) { request, context in
            try await password(request, context, post: false)
        }
        table.on(.password, .post) { request, context in
            try await password(request, context, post: true)
        }
    }

    private func signIn(_ request: Request, _ context: KembarRequestContext, post: Bool) async throws -> Response {
        let words = context.words
        let state = post ? try await FormState.read(request) : FormState()
        let next = Self.localPath(post ? state["next"] : request.uri.queryParameters["next"].map(String.init))
        if context.visitor.account != nil, !post { return redirect(next ?? SitePath.home) }
        func form(_ errors: [String: String], status: HTTPResponse.Status) throws -> Response {
            let build = FieldBuilder(state: state, errors: errors, words: words)
            var page = FormPage(
                action: SitePath.signIn, heading: words.text("sign_in_title"), intro: words.text("sign_in_intro"),
                errors: errors,
                sections: [
                    FormPage.Section(
                        legend: words.text("sign_in_title"),
                        fields: [
                            build.email("email", "field_email"),
                            build.password("password", "field_password", autocomplete: "current-password"),
                        ], tables: [])
                ],
                submitLabel: words.text("sign_in_submit"), cancelHref: SitePath.publicHome,
                cancelLabel: words.text("nav_public"))
            if let next { page.hidden = [.init(name: "next", value: next)] }
            page.related = PartnershipView.Link(href: SitePath.forgotPassword, label: words.text("forgot_link"))
            return try site.page(
                "form", title: page.heading, model: page, words: words, request, context, status: status
            )
            .response(from: request, context: context)
        }
        guard post else { return try form([:], status: .ok) }
        let email = state["email"].trimmingCharacters(in: .whitespacesAndNewlines)
        let address = context.visitor.address
        let now = site.security.now()
        if let until = try await site.throttle.refusedUntil(email: email, address: address, now: now) {
            let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
            var response = try form(
                ["": words.text("sign_in_throttled", ["minutes": words.count(minutes)])], status: .tooManyRequests)
            response.headers[.retryAfter] = String(minutes * 60)
            return response
        }
        guard !email.isEmpty, !state["password"].isEmpty,
            let account = try await site.accounts.verify(email: email, password: state["password"])
        else {
            if !email.isEmpty { try await site.throttle.recordFailure(email: email, address: address, now: now) }
            return try form(["": words.text("sign_in_failed")], status: .unauthorized)
        }
        try await site.throttle.clear(email: email)
        let token = try await site.sessions.open(accountID: account.id, now: now)
        let target = account.mustChangePassword ? SitePath.password : (next ?? SitePath.home)
        return Response(
            status: .seeOther,
            headers: [
                .location: target,
                .setCookie: site.security.cookies.session(token, maxAge: Int(site.sessions.lifetime)),
            ])
    }

    private func signOutPage(_ request: Request, _ context: KembarRequestContext) throws -> Response {
        let words = context.words
        guard context.visitor.account != nil else { return redirect(SitePath.home) }
        let page = FormPage(
            action: SitePath.signOut, heading: words.text("sign_out_title"), intro: words.text("sign_out_intro"),
            errors: [:], sections: [], submitLabel: words.text("nav_sign_out"), cancelHref: SitePath.home,
            cancelLabel: words.text("cancel"))
        return try site.page("form", title: page.heading, model: page, words: words, request, context)
            .response(from: request, context: context)
    }

    private func signOut(_ request: Request, _ context: KembarRequestContext) async throws -> Response {
        if let session = context.visitor.session { try await site.sessions.close(tokenHash: session.tokenHash) }
        return Response(
            status: .seeOther,
            headers: [.location: SitePath.publicHome, .setCookie: site.security.cookies.endSession()])
    }

    private func password(_ request: Request, _ context: KembarRequestContext, post: Bool) async throws -> Response {
        let words = context.words
        let account = try context.account
        let state = post ? try await FormState.read(request) : FormState()
        func form(_ errors: [String: String], status: HTTPResponse.Status) throws -> Response {
            let build = FieldBuilder(state: state, errors: errors, words: words)
            let page = FormPage(
                action: SitePath.password, heading: words.text("password_title"),
                intro: words.text(account.mustChangePassword ? "password_intro_one_time" : "password_intro"),
                errors: errors,
                sections: [
                    FormPage.Section(
                        legend: words.text("password_title"),
                        fields: [
                            build.password("current", "field_current_password", autocomplete: "current-password")
                        ] + NewPassword.fields(build, words), tables: [])
                ],
                submitLabel: words.text("save"), cancelHref: SitePath.home, cancelLabel: words.text("cancel"))
            return try site.page(
                "form", title: page.heading, model: page, words: words, request, context, status: status
            )
            .response(from: request, context: context)
        }
        guard post else { return try form([:], status: .ok) }
        var errors = NewPassword.problems(state, words: words)
        if try await site.accounts.verify(email: account.email, password: state["current"]) == nil {
            errors["current"] = words.text("password_current_wrong")
        }
        if errors["new"] == nil, state["new"] == state["current"] { errors["new"] = words.text("password_unchanged") }
        guard errors.isEmpty else { return try form(errors, status: .unprocessableContent) }
        try await site.accounts.setPassword(
            id: account.id, to: state["new"], oneTime: false, keepingSession: context.visitor.session?.tokenHash,
            actor: context.visitor.actor)
        return redirect(SitePath.home)
    }

    private func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// `next` only when it is a path on this site, so that the sign-in page cannot send a person
    /// elsewhere.
    static func localPath(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
            !next.unicodeScalars.contains(where: { $0.value < 0x20 })
        else { return nil }
        return next
    }
}
