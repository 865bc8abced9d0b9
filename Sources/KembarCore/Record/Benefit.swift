/// A benefit an activity brought to one side.
public struct Benefit: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case learning
        case economic
        case material
        case cultural
        case political
        case staff
    }

    public var to: Side
    public var kind: Kind
    public var description: String?

    public init(to: Side, kind: Kind, description: String? = nil) {
        self.to = to
        self.kind = kind
        self.description = description
    }
}
