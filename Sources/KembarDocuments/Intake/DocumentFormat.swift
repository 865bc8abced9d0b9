/// The kinds of file Kembar takes as documents, recognised by their content.
public enum DocumentFormat: String, CaseIterable, Sendable {
    case plainText = "text/plain"
    case markdown = "text/markdown"
    case html = "text/html"
    case docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    case pdf = "application/pdf"

    public var mediaType: String { rawValue }

    /// The format's name in catalogs (`term.file-format.docx`) and on the command line.
    public var key: String {
        switch self {
        case .plainText: "plain-text"
        case .markdown: "markdown"
        case .html: "html"
        case .docx: "docx"
        case .pdf: "pdf"
        }
    }

    /// What content of this format is.
    var content: FileContent {
        switch self {
        case .plainText, .markdown, .html: .text
        case .docx: .docx
        case .pdf: .pdf
        }
    }
}
