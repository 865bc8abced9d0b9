import KembarCore

/// What a person says about a document: everything of its entry in the record but its text.
public struct DocumentDescription: Equatable, Sendable {
    public var title: String
    public var kind: Document.Kind
    public var date: PartialDate?
    public var language: String?
    public var source: String?
    /// The activities of the same partnership the document belongs to (none: the partnership as
    /// a whole).
    public var activityIDs: [String]

    public init(
        title: String, kind: Document.Kind, date: PartialDate? = nil, language: String? = nil, source: String? = nil,
        activityIDs: [String] = []
    ) {
        self.title = title
        self.kind = kind
        self.date = date
        self.language = language
        self.source = source
        self.activityIDs = activityIDs
    }
}

/// A file that passed intake, with what the person said about it: to be added to a partnership's
/// record as a document (and to the documents of the activities chosen).
public struct DocumentUpload: Sendable {
    public var description: DocumentDescription
    public var fileName: String
    public var mediaType: String
    public var bytes: [UInt8]
    /// The extracted text; nil when the file has none Kembar could read.
    public var text: String?

    public init(
        description: DocumentDescription, fileName: String, mediaType: String, bytes: [UInt8], text: String?
    ) {
        self.description = description
        self.fileName = fileName
        self.mediaType = mediaType
        self.bytes = bytes
        self.text = text
    }

    public init(
        title: String, kind: Document.Kind, date: PartialDate? = nil, language: String? = nil, source: String? = nil,
        activityID: String? = nil, fileName: String, mediaType: String, bytes: [UInt8], text: String?
    ) {
        self.init(
            description: DocumentDescription(
                title: title, kind: kind, date: date, language: language, source: source,
                activityIDs: activityID.map { [$0] } ?? []),
            fileName: fileName, mediaType: mediaType, bytes: bytes, text: text)
    }
}

/// What is known of a document's uploaded file, without its bytes.
public struct StoredFile: Equatable, Sendable {
    public var documentID: String
    public var fileName: String
    public var mediaType: String
    public var byteCount: Int
    public var sha256: String
    public var hasText: Bool
    public var uploadedBy: String
    public var uploadedAt: String
}
