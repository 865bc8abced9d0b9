import Hummingbird
import KembarCore
import KembarStore

/// Finds out who is asking (the session of the cookie, if any), and refuses any form sent
/// without the token of the visitor's own pages: another site cannot make a browser change
/// Kembar's records (CSRF).
struct VisitorMiddleware: RouterMiddleware {
    typealias Context = KembarRequestContext
    let site: Site

    static let formTokenField = "_csrf"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var request = request
        var context = context
        let security = site.security
        context.visitor.address = security.address(of: request, connection: context.connectionAddress)
        var newFormToken: String?
        if let token = request.cookies[Cookies.session]?.value, !token.isEmpty,
            let session = try await session(token)
        {
            context.visitor.session = session
            context.visitor.formToken = session.formToken
        } else if let token = request.cookies[Cookies.form]?.value, token.count >= 32 {
            context.visitor.formToken = token
        } else {
            let token = SecretToken.make()
            context.visitor.formToken = token
            newFormToken = token
        }
        if request.method != .get && request.method != .head {
            let body = try await request.collectBody(upTo: security.maximumFormBytes)
            let sent = FormState(urlEncoded: String(buffer: body))[Self.formTokenField]
            guard newFormToken == nil, SecretToken.matches(sent, context.visitor.formToken) else {
                let words = site.renderer.words(LanguageChoice.language(of: request).language)
                return try site.message(
                    request, context, words: words, title: words.text("form_expired_title"),
                    message: words.text("form_expired_message"), status: .forbidden
                ).response(from: request, context: context)
            }
        }
        if let account = context.visitor.account, account.mustChangePassword,
            ![SitePath.password, SitePath.signOut].contains(request.uri.path),
            !request.uri.path.hasPrefix(SitePath.staticFiles)
        {
            return Response(status: .seeOther, headers: [.location: SitePath.password])
        }
        var response = try await next(request, context)
        if request.method != .get && request.method != .head && context.visitor.session != nil {
            // Whatever was changed (a password, a role, a sign-out) is read afresh by the next request.
            site.sessionCache.forgetAll()
        }
        if let newFormToken, response.headers[.contentType]?.hasPrefix("text/html") == true {
            response.setCookie(security.cookies.formCookie(newFormToken))
        }
        return response
    }

    private func session(_ token: String) async throws -> SessionStore.Session? {
        let now = site.security.now()
        if let known = site.sessionCache.session(tokenHash: SecretToken.hash(token), now: now) { return known }
        guard let session = try await site.sessions.session(token: token, now: now) else { return nil }
        site.sessionCache.keep(session, now: now)
        return session
    }
}
