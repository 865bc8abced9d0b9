import Hummingbird

/// Headers on every answer, errors included: no script may run but Kembar's own files (one, which
/// fills the coding form from a selection; every page works without it), nothing may
/// frame the site, content types are not guessed, and signed-in pages are not kept by caches.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = KembarRequestContext
    let https: Bool

    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Referrer-Policy")!] = "same-origin"
        if https { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        if response.headers[.cacheControl] == nil, request.cookies[Cookies.session] != nil {
            response.headers[.cacheControl] = "private, no-store"
        }
        return response
    }
}
