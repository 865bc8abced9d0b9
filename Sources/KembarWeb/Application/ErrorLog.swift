import Hummingbird
import Logging

/// Writes every unexpected error to the log with the request that caused it, so that a failure
/// an officer reports as "the page broke" can be found; HTTP errors are answers, not failures.
struct ErrorLog: RouterMiddleware {
    typealias Context = KembarRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            throw error
        } catch {
            context.logger.error(
                "request failed",
                metadata: [
                    "method": "\(request.method)", "path": "\(request.uri.path)",
                    "error": "\(String(reflecting: error))",
                ])
            throw error
        }
    }
}
