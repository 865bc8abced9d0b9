/// Takes an uploaded file: checks it (empty, too large, mislabelled, unsupported, corrupt, a zip
/// bomb), recognises its format by content, and extracts its text. Nothing is stored here; the
/// caller stores the file only when this succeeds.
public struct DocumentIntake: Sendable {
    public var limits: IntakeLimits
    public var pdf: PDFText

    public init(limits: IntakeLimits = .standard, pdf: PDFText = .installed()) {
        self.limits = limits
        self.pdf = pdf
    }

    public func read(name: String, bytes: [UInt8]) async throws(IntakeError) -> ExtractedDocument {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= limits.maximumBytes else { throw .tooLarge(limit: limits.maximumBytes) }
        let format: DocumentFormat
        var archive: ZipArchive?
        switch ContentSniffer.kind(of: bytes) {
        case .pdf:
            format = .pdf
        case .zip:
            do {
                archive = try ZipArchive(bytes)
            } catch {
                // A broken archive is a damaged Word document when its name says so.
                try checkName(name, against: .docx)
                if FileContent.claimed(byName: name) == .docx { throw .corrupt(.docx) }
                throw .unsupported(.otherArchive)
            }
            format = .docx
        case .text:
            let lowered = name.lowercased()
            format =
                lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown")
                ? .markdown
                : lowered.hasSuffix(".html") || lowered.hasSuffix(".htm")
                    || ContentSniffer.looksLikeHTML(Substring(PlainText.decode(Array(bytes.prefix(8192)))))
                    ? .html : .plainText
        case .other(let content):
            if let claimed = FileContent.claimed(byName: name) {
                throw .mislabelled(name: name, claimed: claimed, actual: content)
            }
            throw .unsupported(content)
        }
        try checkName(name, against: format.content)
        switch format {
        case .plainText, .markdown:
            return try nonEmpty(ExtractedDocument(format: format, text: PlainText.decode(bytes)))
        case .html:
            return try nonEmpty(ExtractedDocument(format: format, text: HTMLText.text(of: PlainText.decode(bytes))))
        case .docx:
            guard let archive else { throw .corrupt(.docx) }
            return ExtractedDocument(
                format: format, text: try DOCXText.text(of: archive, limit: limits.maximumExpandedBytes))
        case .pdf:
            return try await readPDF(bytes)
        }
    }

    private func readPDF(_ bytes: [UInt8]) async throws(IntakeError) -> ExtractedDocument {
        // Every PDF ends with an end-of-file marker (perhaps followed by a line end or padding);
        // one that lacks it was cut short.
        let tail = bytes.suffix(1024)
        let marker = Array("%%EOF".utf8)
        let hasEnd =
            tail.count >= marker.count
            && (tail.startIndex...(tail.endIndex - marker.count)).contains {
                tail[$0..<($0 + marker.count)].elementsEqual(marker)
            }
        guard hasEnd else { throw .corrupt(.pdf) }
        switch await pdf.extract(bytes, limit: limits.maximumExpandedBytes) {
        case .text(let text): return ExtractedDocument(format: .pdf, text: text.isEmpty ? nil : text)
        case .noProgram: return ExtractedDocument(format: .pdf, text: nil)
        case .unreadable: throw .corrupt(.pdf)
        case .exceeds(let limit): throw .expandsTooFar(limit: limit)
        }
    }

    private func checkName(_ name: String, against content: FileContent) throws(IntakeError) {
        guard let claimed = FileContent.claimed(byName: name), claimed != content else { return }
        throw .mislabelled(name: name, claimed: claimed, actual: content)
    }

    /// A text file with nothing but white space in it is as empty as a file of no bytes.
    private func nonEmpty(_ document: ExtractedDocument) throws(IntakeError) -> ExtractedDocument {
        guard let text = document.text, !text.isEmpty else { throw .empty }
        return document
    }

}

/// A file that passed intake: its format and its text (nil when it has none Kembar could read).
public struct ExtractedDocument: Equatable, Sendable {
    public var format: DocumentFormat
    public var text: String?

    public init(format: DocumentFormat, text: String?) {
        self.format = format
        self.text = text
    }
}
