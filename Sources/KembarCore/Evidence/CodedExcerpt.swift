/// A passage of a document coded to one code of the code book, with the coder's memo.
public struct CodedExcerpt: Hashable, Sendable {
    public var id: Int
    public var organizationID: String
    public var partnershipID: String
    public var documentID: String
    /// Character (Unicode scalar) positions in the document's text, as REFI-QDA counts them;
    /// `end` is one past the last character.
    public var start: Int
    public var end: Int
    public var quote: String
    public var code: String
    public var memo: String
    public var codedBy: String
    /// ISO 8601 date and time, UTC.
    public var codedAt: String

    public init(
        id: Int, organizationID: String, partnershipID: String, documentID: String, start: Int, end: Int,
        quote: String, code: String, memo: String, codedBy: String, codedAt: String
    ) {
        self.id = id
        self.organizationID = organizationID
        self.partnershipID = partnershipID
        self.documentID = documentID
        self.start = start
        self.end = end
        self.quote = quote
        self.code = code
        self.memo = memo
        self.codedBy = codedBy
        self.codedAt = codedAt
    }
}
