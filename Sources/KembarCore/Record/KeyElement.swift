/// The five key elements of successful city-to-city cooperation named by UNDP
/// (Ringrose 2001; Tjandradewi & Marcotullio 2009).
public enum KeyElement: String, CaseIterable, Sendable {
    case commitment
    case communityParticipation = "community-participation"
    case mutualUnderstanding = "mutual-understanding"
    case reciprocity
    case tangibleResults = "tangible-results"
}

/// How far an element is met.
public enum ElementStatus: String, CaseIterable, Sendable {
    case met
    case partial
    case unmet
    /// Too little data to judge.
    case unknown
}
