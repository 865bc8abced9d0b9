import Synchronization

/// How fast one API token may call: a bucket of `burst` calls, refilled at `perSecond`. A
/// script that loops too fast is told to wait (429 with `Retry-After`) rather than taking the
/// instance from the offices. Kept per instance: behind a load balancer of N instances a token
/// gets up to N times the rate.
public final class APIRateLimit: Sendable {
    struct State {
        var level: Double
        var at: Double
    }

    let burst: Double
    let perSecond: Double
    /// Seconds on a monotonic clock (a parameter, so that tests need not wait).
    private let seconds: @Sendable () -> Double
    private let buckets = Mutex<[String: State]>([:])

    /// 600 calls a minute sustained, 120 at once: far above what an office's scripts need.
    public convenience init(burst: Int = 120, perMinute: Int = 600) {
        let clock = ContinuousClock()
        let origin = clock.now
        self.init(burst: burst, perMinute: perMinute) {
            let elapsed = clock.now - origin
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
    }

    init(burst: Int, perMinute: Int, seconds: @escaping @Sendable () -> Double) {
        self.burst = Double(burst)
        perSecond = Double(perMinute) / 60
        self.seconds = seconds
    }

    /// The rate, as the answer to a token over it says it.
    var rate: String { "\(Int((perSecond * 60).rounded())) calls a minute (\(Int(burst)) at once)" }

    /// How many tokens are kept before the idle ones are forgotten.
    static let keptTokens = 10_000

    /// Forgets the tokens whose bucket has filled up again: they know nothing a new bucket would
    /// not. A token held back stays held back, however many others (made-up ones, say) call.
    private func forgetIdle(_ buckets: inout [String: State], now: Double) {
        buckets = buckets.filter { $0.value.level + (now - $0.value.at) * perSecond < burst }
    }

    /// Nil when the token may call now (the call counted), else the whole seconds to wait.
    func wait(for token: String) -> Int? {
        let now = seconds()
        return buckets.withLock { buckets in
            if buckets.count > Self.keptTokens { forgetIdle(&buckets, now: now) }
            var state = buckets[token] ?? State(level: burst, at: now)
            state.level = min(burst, state.level + (now - state.at) * perSecond)
            state.at = now
            defer { buckets[token] = state }
            guard state.level >= 1 else { return max(1, Int(((1 - state.level) / perSecond).rounded(.up))) }
            state.level -= 1
            return nil
        }
    }
}
