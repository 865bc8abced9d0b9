import Foundation
import HTTPTypes
import KembarCore
import KembarTestSupport
import Testing

@testable import KembarWeb

/// A token that calls too fast is told to wait, with how long; another token is not.
@Suite struct APIRateLimitTests {
    @Test func aTokenOverItsRateGets429WithRetryAfterAndOthersGoOn() async throws {
        try await WebHarness.with(apiRateLimit: APIRateLimit(burst: 3, perMinute: 6)) { site in
            let token = try await site.apiToken()
            for _ in 0..<3 {
                #expect(try await site.api(.get, "/api/v1/organizations", token: token).status == .ok)
            }
            let refused = try await site.api(.get, "/api/v1/organizations", token: token)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] == "10")
            #expect(refused.headers[.contentType] == "application/problem+json")
            #expect(refused.body.contains("6 calls a minute (3 at once)"))
            let other = try await site.signedIn(.viewer, organizationID: "bandung").apiToken()
            #expect(try await site.api(.get, "/api/v1/organizations", token: other).status == .ok)
        }
    }

    @Test func theBucketRefillsAtItsRate() {
        let limit = APIRateLimit(burst: 1, perMinute: 60)
        #expect(limit.wait(for: "t") == nil)
        #expect(limit.wait(for: "t") == 1)
        #expect(limit.wait(for: "u") == nil)
    }
}
