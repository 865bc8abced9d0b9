/// Something the partnership did: a visit, exchange, meeting, donation, event.
public struct Activity: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case visit
        case exchange
        case training
        case study
        case meeting
        case event
        case exhibition
        case competition
        case donation
        case agreement
        case communication
        case other
    }

    /// Where the activity took place.
    public enum Host: String, CaseIterable, Sendable {
        case home
        case partner
        case online
        case elsewhere
    }

    /// Which side started it.
    public enum Initiator: String, CaseIterable, Sendable {
        case home
        case partner
        case joint
    }

    public var id: String
    public var title: String
    public var start: PartialDate
    public var end: PartialDate?
    public var kind: Kind
    public var areas: [String]
    /// Nil when the sources do not say; the evaluation then leaves the activity out of balances.
    public var host: Host?
    /// Nil when the sources do not say.
    public var initiator: Initiator?
    /// Ids of the obligations this activity fulfils (e.g. it was the yearly meeting).
    public var fulfils: [String]
    public var participants: [Participant]
    public var costs: [Cost]
    public var benefits: [Benefit]
    public var results: [ActivityResult]
    /// Published to citizens on the public portal.
    public var isPublic: Bool
    /// Ids of the partnership's documents about this activity.
    public var documents: [String]

    public init(
        id: String, title: String, start: PartialDate, end: PartialDate? = nil, kind: Kind, areas: [String] = [],
        host: Host?, initiator: Initiator?, fulfils: [String] = [], participants: [Participant] = [],
        costs: [Cost] = [], benefits: [Benefit] = [], results: [ActivityResult] = [], isPublic: Bool,
        documents: [String] = []
    ) {
        self.id = id
        self.title = title
        self.start = start
        self.end = end
        self.kind = kind
        self.areas = areas
        self.host = host
        self.initiator = initiator
        self.fulfils = fulfils
        self.participants = participants
        self.costs = costs
        self.benefits = benefits
        self.results = results
        self.isPublic = isPublic
        self.documents = documents
    }
}
