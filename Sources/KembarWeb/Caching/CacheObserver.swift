/// Told of the work the caches do, so that tests can count it rather than time it.
public protocol CacheObserver: Sendable {
    /// A partnership was evaluated (read afresh, or its evaluation recomputed).
    func evaluated(organizationID: String, partnershipID: String)
}
