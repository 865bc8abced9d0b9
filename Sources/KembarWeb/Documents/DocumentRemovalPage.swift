import KembarCore
import KembarStore

/// What the person is told before a document is removed, or why it cannot be.
enum DocumentRemovalPage {
    static func confirmation(
        _ preview: DocumentStore.RemovalPreview, action: String, back: String, words: Words
    ) -> FormPage {
        var consequences: [String] = []
        if preview.hasFile { consequences.append(words.text("remove_document_file")) }
        if preview.codedPassages > 0 {
            consequences.append(
                words.text("remove_document_codings", ["count": words.count(preview.codedPassages)]))
        }
        let intro =
            ([words.text("remove_document_intro", ["title": preview.document.title])] + consequences
            + [words.text("remove_document_history")]).joined(separator: " ")
        return FormPage(
            action: action, heading: words.text("remove_document_title"), intro: intro, errors: [:], sections: [],
            submitLabel: words.text("remove_document_submit"), cancelHref: back, cancelLabel: words.text("cancel"))
    }

    static func citedMessage(_ preview: DocumentStore.RemovalPreview, words: Words) -> String {
        let citing =
            preview.citations.results.map { words.text("remove_document_cited_result", ["title": $0]) }
            + preview.citations.assessments.map {
                words.text("remove_document_cited_assessment", ["element": words.term($0, "element")])
            }
        return words.text(
            "remove_document_cited", ["title": preview.document.title, "list": citing.joined(separator: "; ")])
    }
}
