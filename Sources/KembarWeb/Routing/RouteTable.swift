import HTTPTypes
import Hummingbird

/// What each route does, by method: filled by the controllers, then registered on the router
/// route by route from ``Route``'s table. A route of the table with no handler, or a handler for a
/// method the table does not give its route, stops the site at start.
struct RouteTable {
    typealias Handler = @Sendable (Request, KembarRequestContext) async throws -> Response

    private var handlers: [Route: [HTTPRequest.Method: Handler]] = [:]

    /// Sets what `route` does for `method`.
    mutating func on(
        _ route: Route, _ method: HTTPRequest.Method = .get,
        _ handler: @escaping @Sendable (Request, KembarRequestContext) async throws -> some ResponseGenerator
    ) {
        precondition(route.methods.contains(method), "\(route) takes no \(method)")
        precondition(handlers[route]?[method] == nil, "\(route) \(method) is handled twice")
        handlers[route, default: [:]][method] = { request, context in
            try await handler(request, context).response(from: request, context: context)
        }
    }

    /// Registers every route of the table, each behind its access check and, for a form sent,
    /// the check of its token.
    func register(on group: RouterGroup<KembarRequestContext>, site: Site) {
        let forms = FormCheck(site: site)
        for route in Route.allCases {
            for method in route.methods {
                guard let handler = handlers[route]?[method] else {
                    preconditionFailure("no handler for \(route) \(method)")
                }
                group.on(RouterPath(route.pattern), method: method) { request, context in
                    var request = request
                    var context = context
                    try context.enter(route)
                    guard method != .get && method != .head else { return try await handler(request, context) }
                    if let refusal = try await forms.check(route, &request, &context) { return refusal }
                    let response = try await handler(request, context)
                    // Whatever was changed (a password, a role, a sign-out) is read afresh next time.
                    if context.visitor.session != nil { site.sessionCache.forgetAll() }
                    return response
                }
            }
        }
    }
}
