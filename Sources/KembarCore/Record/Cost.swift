/// What one side put into an activity.
public struct Cost: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case money
        case staffDays = "staff-days"
        case inKind = "in-kind"
    }

    public var side: Side
    public var amount: Double
    /// ISO 4217 code for money; a unit label (e.g. `days`) is also accepted for other kinds.
    public var currency: String
    public var kind: Kind

    public init(side: Side, amount: Double, currency: String, kind: Kind) {
        self.side = side
        self.amount = amount
        self.currency = currency
        self.kind = kind
    }
}
