/// A person's judgement of one key element, with its evidence. Shown beside the computed
/// verdict, never in place of it.
public struct Assessment: Hashable, Sendable {
    public var element: KeyElement
    public var status: ElementStatus
    public var by: String
    public var date: PartialDate
    public var note: String
    public var evidence: [Evidence]

    public init(
        element: KeyElement, status: ElementStatus, by: String, date: PartialDate, note: String,
        evidence: [Evidence] = []
    ) {
        self.element = element
        self.status = status
        self.by = by
        self.date = date
        self.note = note
        self.evidence = evidence
    }
}

/// A quoted passage of a document supporting an assessment.
public struct Evidence: Hashable, Sendable {
    /// Id of a document of the same partnership.
    public var document: String
    public var quote: String

    public init(document: String, quote: String) {
        self.document = document
        self.quote = quote
    }
}
