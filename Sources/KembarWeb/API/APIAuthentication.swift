import Hummingbird
import HummingbirdAuth
import KembarCore
import KembarStore

/// Who calls the API: the owner of the personal API token in `Authorization: Bearer …`. The API
/// group takes no session cookie and no form token, so another site cannot make a signed-in
/// browser call it; a call without a valid token is refused here with a 401 problem.
struct APITokenAuthenticator: AuthenticatorMiddleware {
    typealias Context = KembarRequestContext
    let tokens: PersonalTokenStore
    let limit: APIRateLimit

    func authenticate(request: Request, context: Context) async throws -> Account? {
        guard request.headers[.authorization] != nil else {
            throw Problem.unauthorized(
                "Send a personal API token (made at /account/tokens) as `Authorization: Bearer <token>`.",
                invalidToken: false)
        }
        guard let bearer = request.headers.bearer else {
            throw Problem.unauthorized("The Authorization header must read `Bearer <token>`.", invalidToken: false)
        }
        if let seconds = limit.wait(for: SecretToken.hash(bearer.token)) {
            throw Problem.tooManyRequests(retryAfter: seconds, rate: limit.rate)
        }
        guard let account = try await tokens.account(secret: bearer.token, purpose: .api) else {
            throw Problem.unauthorized(
                "The token is unknown, revoked, not an API token, or its account is disabled.", invalidToken: true)
        }
        return account
    }
}
