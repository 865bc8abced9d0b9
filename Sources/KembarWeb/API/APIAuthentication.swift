import Hummingbird
import KembarCore
import KembarStore

/// Who calls the API: the owner of the personal API token in `Authorization: Bearer …`. The API
/// takes no session cookie, so another site cannot make a signed-in browser call it.
enum APIAuthentication {
    static func account(_ request: Request, tokens: PersonalTokenStore) async throws -> Account {
        guard let header = request.headers[.authorization] else {
            throw Problem.unauthorized(
                "Send a personal API token (made at /account/tokens) as `Authorization: Bearer <token>`.",
                invalidToken: false)
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw Problem.unauthorized(
                "The Authorization header must read `Bearer <token>`.", invalidToken: false)
        }
        guard let account = try await tokens.account(secret: String(parts[1]), purpose: .api) else {
            throw Problem.unauthorized(
                "The token is unknown, revoked, not an API token, or its account is disabled.", invalidToken: true)
        }
        return account
    }
}
