import Hummingbird

/// Turns a refusal into what a person should see: the sign-in page (coming back here after),
/// a "not allowed" page, or the "not found" page.
struct AccessPages: RouterMiddleware {
    typealias Context = KembarRequestContext
    let site: Site

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let denied as AccessDenied {
            let words = site.renderer.words(LanguageChoice.language(of: request).language)
            switch denied {
            case .signInRequired:
                let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
                return Response(status: .seeOther, headers: [.location: SitePath.signIn(next: target)])
            case .forbidden:
                return try site.message(
                    request, context, words: words, title: words.text("forbidden_title"),
                    message: words.text("forbidden_message"), status: .forbidden
                ).response(from: request, context: context)
            case .notFound:
                return try site.notFound(request, context, words: words).response(from: request, context: context)
            }
        }
    }
}
