/// What an activity produced, and how well that is known.
public struct ActivityResult: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case output
        case outcome
        case impact
    }

    public enum Directness: String, CaseIterable, Sendable {
        case direct
        case indirect
    }

    public var kind: Kind
    public var directness: Directness
    public var description: String
    public var planned: Bool?
    public var delivered: Bool?
    public var quantity: Quantity?
    /// Ids of the partnership's documents that evidence the result.
    public var evidence: [String]
    /// Still in use 12 months later.
    public var sustained: Bool?

    public init(
        kind: Kind, directness: Directness, description: String, planned: Bool? = nil, delivered: Bool? = nil,
        quantity: Quantity? = nil, evidence: [String] = [], sustained: Bool? = nil
    ) {
        self.kind = kind
        self.directness = directness
        self.description = description
        self.planned = planned
        self.delivered = delivered
        self.quantity = quantity
        self.evidence = evidence
        self.sustained = sustained
    }
}

/// A counted result: 10,000 masks, 40 students.
public struct Quantity: Hashable, Sendable {
    public var value: Double
    public var unit: String

    public init(value: Double, unit: String) {
        self.value = value
        self.unit = unit
    }
}
