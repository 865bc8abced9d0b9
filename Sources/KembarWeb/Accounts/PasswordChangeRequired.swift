import Hummingbird
import KembarCore

/// An account given a one-time password may do nothing but choose its own (or sign out).
struct PasswordChangeRequired: RouterMiddleware {
    typealias Context = KembarRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if let account = context.visitor.account, account.mustChangePassword,
            ![SitePath.password, SitePath.signOut].contains(request.uri.path)
        {
            return Response(status: .seeOther, headers: [.location: SitePath.password])
        }
        return try await next(request, context)
    }
}
