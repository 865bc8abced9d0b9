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
    /// The coding form: the passage (filled by selecting it, when the script runs), its code, a memo.
    let form: FormPage?
    let evidenceHref: String?
    let describeHref: String?
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
        facts = Self.facts(of: document, in: partnership, words: words)
        fileHref = file.map { _ in SitePath.documentFile(org, id, document.id) }
        fileFacts = file.map { Self.facts(of: $0, words: words) } ?? []
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
        form = canCode && !noText ? Self.codingForm(codeBook, document, org, id, state, errors, words) : nil
        evidenceHref = showsCodings ? SitePath.partnershipEvidence(org, id) : nil
        describeHref = canEdit ? SitePath.describeDocument(org, id, document.id) : nil
        removeHref = canEdit ? SitePath.removeDocument(org, id, document.id) : nil
        self.saved = saved
    }

    private static func facts(of document: Document, in partnership: Partnership, words: Words)
        -> [PartnershipView.Fact]
    {
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
        return facts
    }

    /// The uploaded file: its name, type, size, and who uploaded it when.
    private static func facts(of file: StoredFile, words: Words) -> [PartnershipView.Fact] {
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
                    [
                        "who": words.actor(file.uploadedBy),
                        "when": words.date(text: String(file.uploadedAt.prefix(10))),
                    ])),
        ]
    }

    private static func codingForm(
        _ codeBook: CodeBook, _ document: Document, _ org: String, _ id: String, _ state: FormState,
        _ errors: [String: String], _ words: Words
    ) -> FormPage {
        let build = FieldBuilder(state: state, errors: errors, words: words)
        let codes = codeBook.options(selected: state["code"], words: words).map { ($0.value, $0.label) }
        var page = FormPage(
            action: SitePath.codings(org, id, document.id), heading: words.text("coding_title"),
            intro: words.text("coding_intro"), errors: errors,
            sections: [
                FormPage.Section(
                    legend: nil,
                    fields: [
                        build.textarea("quote", "field_quote", hint: "field_quote_hint", required: true),
                        build.select("code", "field_code", codes, required: true),
                        build.textarea("memo", "field_memo"),
                    ], tables: [])
            ], submitLabel: words.text("coding_submit"), cancelHref: nil, cancelLabel: "", formID: "coding-form")
        // Where the selected passage starts, as the script counts it; empty when it was pasted.
        page.hidden = [FormPage.HiddenField(name: "near", value: state["near"], id: "field-near")]
        return page
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
