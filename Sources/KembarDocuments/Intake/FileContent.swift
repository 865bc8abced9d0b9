/// What a file holds, told by its content (or, for `claimed`, by its name). Kembar takes text,
/// Word documents and PDFs; the other cases name what was refused, so that people are told what
/// their file is and what to do with it.
public enum FileContent: String, CaseIterable, Sendable {
    case text
    case docx
    case pdf
    /// A ZIP archive that is not a Word document (an OpenDocument file, a plain archive).
    case otherArchive = "other-archive"
    /// An old binary Microsoft Office file (.doc, .xls, .ppt).
    case legacyOffice = "legacy-office"
    case rtf
    case image
    case compressed
    case program
    case binary

    /// What a file name's extension claims; nil for an extension that claims nothing Kembar takes.
    static func claimed(byName name: String) -> FileContent? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "txt", "text", "md", "markdown", "htm", "html": return .text
        case "docx": return .docx
        case "pdf": return .pdf
        default: return nil
        }
    }
}
