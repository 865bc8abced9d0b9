/// A document in a partnership's record: the agreement text, letters, reports, minutes,
/// interviews, news. Kept so that what the office knows survives the people who knew it.
public struct Document: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case loi
        case mou
        case agreement
        case letter
        case report
        case minutes
        case interview
        case news
        case other
    }

    public var id: String
    public var title: String
    public var kind: Kind
    public var date: PartialDate?
    /// BCP 47 language tag, e.g. `id`, `en`, `zh`.
    public var language: String?
    /// Citation or URL.
    public var source: String?
    public var text: String?

    public init(
        id: String, title: String, kind: Kind, date: PartialDate? = nil, language: String? = nil,
        source: String? = nil, text: String? = nil
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.date = date
        self.language = language
        self.source = source
        self.text = text
    }
}
