/// Why a proposal or a partner's activity could not be taken or decided.
public enum ParticipationError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound
    case alreadyDecided
    case tooManyFromAddress(limit: Int)

    public var description: String {
        switch self {
        case .notFound: "no such proposal"
        case .alreadyDecided: "this has already been decided"
        case .tooManyFromAddress(let limit): "more than \(limit) proposals from one address in an hour"
        }
    }
}

/// Where a proposal or a partner's activity stands.
public enum DecisionStatus: String, Sendable, CaseIterable {
    case pending
    case accepted
    case declined
}
