import Hummingbird
import KembarStore
import Logging

/// While the database cannot be reached, every request is answered with a clear 503 (a page, or
/// a problem in the API) and a `Retry-After`, rather than a failure of Kembar's own; service
/// resumes by itself with the database, since each request asks it again.
struct OutagePages: RouterMiddleware {
    typealias Context = KembarRequestContext
    let site: Site

    /// Seconds a browser or client is told to wait before asking again.
    static let retryAfter = 5

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch  where DatabaseOutage.isOutage(error) {
            context.logger.warning(
                "database unreachable", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            var response: Response
            if APIPath.isAPI(request.uri.path) {
                response = try Problem(
                    status: .serviceUnavailable, kind: "database-unavailable",
                    title: "Kembar's database is unreachable",
                    detail: "Kembar cannot reach its database for the moment. Try again in a few seconds."
                ).response(from: request, context: context)
            } else {
                let words = context.words
                response = try site.message(
                    request, context, words: words, title: words.text("outage_title"),
                    message: words.text("outage_message"), status: .serviceUnavailable
                ).response(from: request, context: context)
            }
            response.headers[.retryAfter] = String(Self.retryAfter)
            return response
        }
    }
}
