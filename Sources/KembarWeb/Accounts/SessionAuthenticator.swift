import Hummingbird
import HummingbirdAuth
import KembarCore
import KembarStore

/// Who is signed in on the site's pages: the session of the cookie (kept briefly in memory, since
/// every page asks), with the decisions waiting for that account, which every page's navigation
/// counts. The API does not pass here: it takes bearer tokens only.
struct SessionAuthenticator: AuthenticatorMiddleware {
    typealias Context = KembarRequestContext
    let site: Site

    func authenticate(request: Request, context: Context) async throws -> Account? {
        try await visitor(request, context)?.account
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        context.visitor = try await signedIn(context.visitor, request, context)
        return try await next(request, context)
    }

    /// `visitor` with the session of the request's cookie and the decisions waiting for them,
    /// when signed in.
    func signedIn(_ visitor: Visitor, _ request: Request, _ context: Context) async throws -> Visitor {
        guard let session = try await self.visitor(request, context) else { return visitor }
        var visitor = visitor
        visitor.session = session
        if !session.account.mustChangePassword {
            visitor.decisionsWaiting = try await site.decisionsWaiting.count(for: session.account, site: site)
        }
        return visitor
    }

    /// The session of the request's cookie, when it is a live one.
    func visitor(_ request: Request, _ context: Context) async throws -> SessionStore.Session? {
        guard let token = request.cookies[Cookies.session]?.value, !token.isEmpty else { return nil }
        let now = site.security.now()
        if let known = site.sessionCache.session(tokenHash: SecretToken.hash(token), now: now) { return known }
        guard let session = try await site.sessions.session(token: token, now: now) else { return nil }
        site.sessionCache.keep(session, now: now)
        return session
    }
}
