import Hummingbird

/// Where the request came from: the connection's address, or behind a trusted proxy the address
/// it forwards. Sign-in throttling and the audit log read it.
struct ClientAddress: RouterMiddleware {
    typealias Context = KembarRequestContext
    let security: SecuritySettings

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        context.visitor.address = security.address(of: request, connection: context.connectionAddress)
        return try await next(request, context)
    }
}
