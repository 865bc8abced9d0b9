import Hummingbird

/// Reads the visitor's language once (`?lang=`, else the remembered choice, else Bahasa
/// Indonesia) and gives every later step its words.
struct LanguageMiddleware: RouterMiddleware {
    typealias Context = KembarRequestContext
    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        let (language, chosenNow) = LanguageChoice.language(of: request)
        context.words = renderer.words(language)
        context.languageChosenNow = chosenNow
        return try await next(request, context)
    }
}
