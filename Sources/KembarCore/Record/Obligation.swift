/// A promise an agreement makes that falls due once or recurs, such as a yearly Joint Working
/// Group meeting held alternately in each city.
public struct Obligation: Hashable, Sendable {
    public enum Recurrence: String, CaseIterable, Sendable {
        case once
        case month
        case quarter
        case year
    }

    public var id: String
    /// Id of the agreement that creates the obligation.
    public var agreement: String
    public var title: String
    public var every: Recurrence
    public var from: PartialDate
    public var until: PartialDate?
    /// Whether occurrences must alternate between the two cities.
    public var alternateHost: Bool?

    public init(
        id: String, agreement: String, title: String, every: Recurrence, from: PartialDate, until: PartialDate? = nil,
        alternateHost: Bool? = nil
    ) {
        self.id = id
        self.agreement = agreement
        self.title = title
        self.every = every
        self.from = from
        self.until = until
        self.alternateHost = alternateHost
    }
}
