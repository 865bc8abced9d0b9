/// A signed instrument of the partnership: letter of intent, MoU, agreement, plan, addendum.
public struct Agreement: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case loi
        case mou
        case agreement
        case planOfAction = "plan-of-action"
        case addendum
        case renewal
    }

    public var id: String
    public var type: Kind
    public var signed: PartialDate
    public var validFrom: PartialDate?
    public var validUntil: PartialDate?
    /// Id of the earlier agreement this one replaces.
    public var supersedes: String?
    public var signatories: [Signatory]
    /// Agreed areas of cooperation, e.g. `economy`, `education-culture`.
    public var areas: [String]
    public var objectives: [String]
    /// Clauses present, e.g. `roles`, `timeframe`, `focal-points`, `funding`, `dispute-resolution`, `review`.
    public var clauses: [String]

    public init(
        id: String, type: Kind, signed: PartialDate, validFrom: PartialDate? = nil, validUntil: PartialDate? = nil,
        supersedes: String? = nil, signatories: [Signatory] = [], areas: [String] = [], objectives: [String] = [],
        clauses: [String] = []
    ) {
        self.id = id
        self.type = type
        self.signed = signed
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.supersedes = supersedes
        self.signatories = signatories
        self.areas = areas
        self.objectives = objectives
        self.clauses = clauses
    }
}

/// A person who signed an agreement for one side.
public struct Signatory: Hashable, Sendable {
    public var side: Side
    public var name: String
    public var title: String?

    public init(side: Side, name: String, title: String? = nil) {
        self.side = side
        self.name = name
        self.title = title
    }
}
