import Foundation
import HTTPTypes
import KembarCore
import KembarTestSupport
import Synchronization
import Testing

@testable import KembarWeb

/// A token that calls too fast is told to wait, with how long; another token is not.
@Suite struct APIRateLimitTests {
    /// A clock that moves only when told.
    final class StoppedClock: Sendable {
        let now = Mutex(0.0)
        func advance(_ seconds: Double) { now.withLock { $0 += seconds } }
    }

    @Test func aTokenOverItsRateGets429WithRetryAfterAndOthersGoOn() async throws {
        let clock = StoppedClock()
        let limit = APIRateLimit(burst: 3, perMinute: 6) { clock.now.withLock { $0 } }
        try await WebHarness.with(apiRateLimit: limit) { site in
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
            // Ten seconds later the bucket holds one call again.
            clock.advance(10)
            #expect(try await site.api(.get, "/api/v1/organizations", token: token).status == .ok)
            #expect(try await site.api(.get, "/api/v1/organizations", token: token).status == .tooManyRequests)
        }
    }

    @Test func theBucketRefillsAtItsRate() {
        let clock = StoppedClock()
        let limit = APIRateLimit(burst: 2, perMinute: 60) { clock.now.withLock { $0 } }
        #expect(limit.wait(for: "t") == nil)
        #expect(limit.wait(for: "t") == nil)
        #expect(limit.wait(for: "t") == 1)
        #expect(limit.wait(for: "u") == nil)
        clock.advance(0.5)
        #expect(limit.wait(for: "t") == 1)
        clock.advance(0.5)
        #expect(limit.wait(for: "t") == nil)
        clock.advance(100)
        #expect(limit.wait(for: "t") == nil && limit.wait(for: "t") == nil && limit.wait(for: "t") == 1)
    }

    @Test func manyOtherTokensDoNotFreeATokenHeldBack() {
        let clock = StoppedClock()
        let limit = APIRateLimit(burst: 2, perMinute: 60) { clock.now.withLock { $0 } }
        #expect(limit.wait(for: "busy") == nil && limit.wait(for: "busy") == nil)
        #expect(limit.wait(for: "busy") == 1)
        // More made-up tokens than are kept: still held back.
        for index in 0...APIRateLimit.keptTokens { _ = limit.wait(for: "made-up \(index)") }
        #expect(limit.wait(for: "busy") == 1)
    }
}
