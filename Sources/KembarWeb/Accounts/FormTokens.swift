import Hummingbird
import KembarStore

/// The token every form of the visitor's pages carries back (CSRF): the session's, or for the
/// public one kept in a cookie of its own, made on the first page. ``FormCheck`` compares it with
/// what a form sends.
struct FormTokens: RouterMiddleware {
    typealias Context = KembarRequestContext
    let cookies: Cookies

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        var newToken: String?
        if let session = context.visitor.session {
            context.visitor.formToken = session.formToken
        } else if let token = request.cookies[Cookies.form]?.value, token.count >= 32 {
            context.visitor.formToken = token
        } else {
            let token = SecretToken.make()
            context.visitor.formToken = token
            context.visitor.formTokenIsNew = true
            newToken = token
        }
        var response = try await next(request, context)
        if let newToken, response.headers[.contentType]?.hasPrefix("text/html") == true {
            response.setCookie(cookies.formCookie(newToken))
        }
        return response
    }
}
