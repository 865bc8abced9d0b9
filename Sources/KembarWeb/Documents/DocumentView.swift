import KembarCore
import KembarDocuments
import KembarStore

/// A document's page: what it is, its file, its text with the coded passages marked, the codings
/// and the form to code another passage.
struct DocumentView {
    struct Segment {
        let text: String
        let marked: Bool
        /// The codes of the passages covering this piece, for the mark's title.
        let codes: String
    }

    struct CodedPassage {
        let anchor: String
        let quote: String
        let code: String
        let memo: String?
        let byline: String
        let removeAction: String?
    }

    struct CodeOption {
        let value: String
        let label: String
        let selected: Bool
    }

    struct CodingForm {
        let action: String
        let quote: String
        let near: String
        let memo: String
        let codes: [CodeOption]
        let quoteError: String?
        let codeError: String?
        let memoError: String?
        let hasErrors: Bool
    }

    let title: String
    let partnershipTitle: String
    let partnershipHref: String
    let facts: [PartnershipView.Fact]
    let fileHref: String?
    let fileFacts: [PartnershipView.Fact]
    let noText: Bool
    let segments: [Segment]
    let showsCodings: Bool
    let passages: [CodedPassage]
    let lostPassages: Int
    let lostNotice: String?
    let form: CodingForm?
    let evidenceHref: String?
    let removeHref: String?
    let saved: String?

    init(
        document: Document, partnership: Partnership, organization: Organization, file: StoredFile?,
        excerpts: [CodedExcerpt], codeBook: CodeBook, showsCodings: Bool, canCode: Bool, canEdit: Bool,
        state: FormState,
        errors: [String: String], saved: String?, words: Words
    ) {
        let org = organization.id
        let id = partnership.id
        title = document.title
        partnershipTitle = "\(organization.place.name) – \(partnership.partner.name)"
        partnershipHref = SitePath.partnership(org, id) + "#" + SitePath.anchor("document", document.id)
        var facts = [
            PartnershipView.Fact(
                label: words.text("field_document_kind"), value: words.term(document.kind, "document-kind"))
        ]
        if let date = document.date { facts.append(.init(label: words.text("field_date"), value: words.date(date))) }
        if let language = document.language {
            facts.append(.init(label: words.text("field_language"), value: words.languageName(language)))
        }
        if let source = document.source { facts.append(.init(label: words.text("field_source"), value: source)) }
        let activities = partnership.activities.filter { $0.documents.contains(document.id) }.map(\.title)
        if !activities.isEmpty {
            facts.append(.init(label: words.text("field_document_activity"), value: activities.joined(separator: "; ")))
        }
        self.facts = facts
        fileHref = file.map { _ in SitePath.documentFile(org, id, document.id) }
        fileFacts =
            file.map { file in
                [
                    .init(label: words.text("field_file_name"), value: file.fileName),
                    .init(
                        label: words.text("field_file_type"),
                        value: DocumentFormat(rawValue: file.mediaType).map { words.term("file-format.\($0.key)") }
                            ?? file.mediaType),
                    .init(label: words.text("field_file_size"), value: words.fileSize(file.byteCount)),
                    .init(
                        label: words.text("field_uploaded"),
                        value: words.text(
                            "uploaded_by",
                            ["who": file.uploadedBy, "when": words.date(text: String(file.uploadedAt.prefix(10)))])),
                ]
            } ?? []
        let text = document.text ?? ""
        noText = text.isEmpty
        self.showsCodings = showsCodings
        let anchored = showsCodings ? excerpts.compactMap { $0.anchored(in: text) } : []
        lostPassages = showsCodings ? excerpts.count - anchored.count : 0
        lostNotice = lostPassages > 0 ? words.text("coding_lost", ["count": words.count(lostPassages)]) : nil
        func codeName(_ key: String) -> String {
            codeBook.path(to: key).map(\.name).joined(separator: " › ").nonEmpty ?? key
        }
        segments = Self.segments(text, anchored, name: codeName)
        passages = anchored.map { excerpt in
            CodedPassage(
                anchor: "coding-\(excerpt.id)", quote: excerpt.quote, code: codeName(excerpt.code),
                memo: excerpt.memo.isEmpty ? nil : excerpt.memo,
                byline: words.text(
                    "coded_by", ["who": excerpt.codedBy, "when": words.date(text: String(excerpt.codedAt.prefix(10)))]),
                removeAction: canCode ? SitePath.removeCoding(org, id, document.id, excerpt.id) : nil)
        }
        form =
            canCode && !noText
            ? CodingForm(
                action: SitePath.codings(org, id, document.id), quote: state["quote"], near: state["near"],
                memo: state["memo"],
                codes: [CodeOption(value: "", label: words.text("choose"), selected: state["code"].isEmpty)]
                    + codeBook.codes.map { code in
                        CodeOption(
                            value: code.key,
                            label: String(repeating: "— ", count: codeBook.path(to: code.key).count - 1) + code.name,
                            selected: state["code"] == code.key)
                    },
                quoteError: errors["quote"], codeError: errors["code"], memoError: errors["memo"],
                hasErrors: !errors.isEmpty)
            : nil
        evidenceHref = showsCodings ? SitePath.partnershipEvidence(org, id) : nil
        removeHref = canEdit ? SitePath.removeDocument(org, id, document.id) : nil
        self.saved = saved
    }

    /// The text cut where coded passages start and end, each piece marked when a passage covers it.
    static func segments(_ text: String, _ excerpts: [CodedExcerpt], name: (String) -> String) -> [Segment] {
        let scalars = Array(text.unicodeScalars)
        var cuts = Set([0, scalars.count])
        for excerpt in excerpts {
            cuts.insert(excerpt.start)
            cuts.insert(excerpt.end)
        }
        let points = cuts.filter { $0 >= 0 && $0 <= scalars.count }.sorted()
        var segments: [Segment] = []
        for (from, to) in zip(points, points.dropFirst()) where from < to {
            let covering = excerpts.filter { $0.start <= from && $0.end >= to }
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[from..<to])
            segments.append(
                Segment(
                    text: String(piece), marked: !covering.isEmpty,
                    codes: Array(Set(covering.map { name($0.code) })).sorted().joined(separator: "; ")))
        }
        return segments
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
