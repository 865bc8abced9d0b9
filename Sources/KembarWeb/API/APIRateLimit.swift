import Synchronization

/// How fast one API token may call: a bucket of `burst` calls, refilled at `perSecond`. A
/// script that loops too fast is told to wait (429 with `Retry-After`) rather than taking the
/// instance from the offices. Kept per instance: behind a load balancer of N instances a token
/// gets up to N times the rate.
public final class APIRateLimit: Sendable {
    struct State {
        var level: Double
        var at: ContinuousClock.Instant
    }

    let burst: Double
    let perSecond: Double
    private let buckets = Mutex<[String: State]>([:])
    private let clock = ContinuousClock()

    /// 600 calls a minute sustained, 120 at once: far above what an office's scripts need.
    public init(burst: Int = 120, perMinute: Int = 600) {
        self.burst = Double(burst)
        perSecond = Double(perMinute) / 60
    }

    /// The rate, as the answer to a token over it says it.
    var rate: String { "\(Int((perSecond * 60).rounded())) calls a minute (\(Int(burst)) at once)" }

    /// Nil when the token may call now (the call counted), else the whole seconds to wait.
    func wait(for token: String) -> Int? {
        let now = clock.now
        return buckets.withLock { buckets in
            if buckets.count > 10_000 { buckets.removeAll() }  // many tokens: start again rather than grow
            var state = buckets[token] ?? State(level: burst, at: now)
            let elapsed = now - state.at
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            state.level = min(burst, state.level + seconds * perSecond)
            state.at = now
            defer { buckets[token] = state }
            guard state.level >= 1 else { return max(1, Int(((1 - state.level) / perSecond).rounded(.up))) }
            state.level -= 1
            return nil
        }
    }
}
