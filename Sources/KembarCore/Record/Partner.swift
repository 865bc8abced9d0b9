/// The foreign side of a partnership.
public struct Partner: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case city
        case regency
        case province
        case institution
        case nationalGovernment = "national-government"
    }

    public var name: String
    public var nativeName: String?
    /// ISO 3166-1 alpha-2.
    public var country: String
    public var kind: Kind
    public var coordinate: Coordinate?
    /// Wikidata item id, `Q` and digits.
    public var wikidata: String?

    public init(
        name: String, nativeName: String? = nil, country: String, kind: Kind, coordinate: Coordinate? = nil,
        wikidata: String? = nil
    ) {
        self.name = name
        self.nativeName = nativeName
        self.country = country
        self.kind = kind
        self.coordinate = coordinate
        self.wikidata = wikidata
    }
}
