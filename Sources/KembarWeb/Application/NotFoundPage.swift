import Hummingbird

/// Answers an address that no route knows with the site's own "not found" page, in the person's
/// language, rather than the empty body the router gives by default.
struct NotFoundPage: RouterMiddleware {
    typealias Context = KembarRequestContext
    let site: Site

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let words = site.renderer.words(LanguageChoice.language(of: request).language)
            return try site.notFound(request, context, words: words).response(from: request, context: context)
        }
    }
}
