import Hummingbird
import KembarStore
import Logging

/// Turns a refusal into what a person should see, in their language: the sign-in page (coming
/// back here after), a "not allowed" page, or the site's own "not found" page — for an address no
/// route knows as much as for a record the visitor may not know exists. It stands before the
/// router (for addresses no route knows, and the API's problems) and again inside the pages'
/// group, where the visitor's session is known.
struct RefusalPages: RouterMiddleware {
    typealias Context = KembarRequestContext
    let site: Site

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let words = { context.words }
        if APIPath.isAPI(request.uri.path) {
            do {
                return try await next(request, context)
            } catch let error as HTTPError where error.status == .notFound {
                if let allowed = APIController(site: site).allowedMethods(forPath: request.uri.path) {
                    return try Problem.methodNotAllowed(request.method, allowed: allowed)
                        .response(from: request, context: context)
                }
                return try Problem.notFound("No such address in the API; its document is \(APIPath.openAPI).")
                    .response(from: request, context: context)
            } catch let error as any HTTPResponseError {
                throw error
            } catch  where DatabaseOutage.isOutage(error) {
                // Answered by ``OutagePages``: a passing outage, not a failure of Kembar's own.
                throw error
            } catch {
                // A failure of Kembar's own: logged with the request, answered as a problem.
                context.logger.error(
                    "API request failed",
                    metadata: [
                        "method": "\(request.method)", "path": "\(request.uri.path)",
                        "error": "\(String(reflecting: error))",
                    ])
                return try Problem(
                    status: .internalServerError, kind: "internal-error", title: "Kembar failed",
                    detail: "Kembar could not answer; the failure is in its log."
                ).response(from: request, context: context)
            }
        }
        do {
            return try await next(request, context)
        } catch AccessDenied.signInRequired {
            let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            return Response(status: .seeOther, headers: [.location: SitePath.signIn(next: target)])
        } catch AccessDenied.forbidden {
            return try site.message(
                request, context, words: words(), title: words().text("forbidden_title"),
                message: words().text("forbidden_message"), status: .forbidden
            ).response(from: request, context: context)
        } catch AccessDenied.notFound {
            return try site.notFound(request, context, words: words()).response(from: request, context: context)
        } catch let error as HTTPError where error.status == .notFound {
            // An address no route knows never reached the pages' session: the page still shows
            // a signed-in visitor their own navigation.
            var context = context
            if context.visitor.session == nil {
                context.visitor = try await SessionAuthenticator(site: site).signedIn(
                    context.visitor, request, context)
            }
            return try site.notFound(request, context, words: words()).response(from: request, context: context)
        }
    }
}
