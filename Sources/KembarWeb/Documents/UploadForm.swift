import Foundation
import KembarCore
import KembarDocuments
import KembarStore

/// The upload form, and the form that changes a document's description: their fields, read and
/// checked; the file itself is checked by ``DocumentIntake``.
struct UploadForm {
    static let languages = ["id", "en", "zh", "ja", "ko", "de", "nl", "fr", "ar", "other"]
    /// The hidden field naming the activity the form was opened from.
    static let forActivity = "for_activity"

    /// Builds the upload form for `partnership`, with what was typed and its errors.
    static func page(
        partnership: Partnership, action: String, back: String, state: FormState, errors: [String: String],
        words: Words, limit: Int
    ) -> FormPage {
        let build = FieldBuilder(state: state, errors: errors, words: words)
        var page = FormPage(
            action: action, heading: words.text("upload_title", ["name": partnership.partner.name]),
            intro: words.text("upload_intro", ["limit": words.megabytes(limit)]), errors: errors,
            sections: [
                FormPage.Section(
                    legend: words.text("upload_legend_file"),
                    fields: [
                        build.file(
                            "file", "field_file", accept: ".txt,.md,.markdown,.html,.htm,.docx,.pdf",
                            hint: words.text("field_file_hint", ["limit": words.megabytes(limit)]))
                    ], tables: []),
                FormPage.Section(
                    legend: words.text("upload_legend_about"),
                    fields: aboutFields(
                        build, partnership: partnership, state: state, titleHint: "field_document_title_hint"),
                    tables: []),
            ],
            submitLabel: words.text("upload_submit"), cancelHref: back, cancelLabel: words.text("cancel"))
        page.multipart = true
        return page
    }

    /// The form that changes what the record says of a document (not its file or text).
    static func editPage(
        document: Document, partnership: Partnership, action: String, back: String, state: FormState,
        errors: [String: String], words: Words
    ) -> FormPage {
        let build = FieldBuilder(state: state, errors: errors, words: words)
        return FormPage(
            action: action, heading: words.text("describe_document_title", ["title": document.title]),
            intro: words.text("describe_document_intro"), errors: errors,
            sections: [
                FormPage.Section(
                    legend: words.text("upload_legend_about"),
                    fields: aboutFields(build, partnership: partnership, state: state, titleHint: nil), tables: [])
            ],
            submitLabel: words.text("describe_document_submit"), cancelHref: back, cancelLabel: words.text("cancel"))
    }

    /// The form's fields for what the record says of `document`.
    static func state(of document: Document, in partnership: Partnership) -> FormState {
        var state = FormState()
        state["title"] = document.title
        state["kind"] = document.kind.rawValue
        state["date"] = document.date?.description ?? ""
        state["language"] = document.language ?? ""
        state["source"] = document.source ?? ""
        state.set("activity", partnership.activities.filter { $0.documents.contains(document.id) }.map(\.id))
        return state
    }

    /// Title, kind, date, language, source and the activities it belongs to. A language the list
    /// does not name (one a `kembar/1` import brought) is offered too, so that saving keeps it.
    private static func aboutFields(
        _ build: FieldBuilder, partnership: Partnership, state: FormState, titleHint: String?
    ) -> [FormPage.Field] {
        let words = build.words
        let activities = partnership.activities.sorted { $0.start.span.lowerBound > $1.start.span.lowerBound }
        var offered = languages
        if !state["language"].isEmpty && !offered.contains(state["language"]) {
            offered.insert(state["language"], at: offered.count - 1)
        }
        return [
            build.text("title", "field_title", hint: titleHint, required: titleHint == nil),
            build.choice("kind", "field_document_kind", Document.Kind.self, family: "document-kind", required: true),
            build.date("date", "field_date"),
            build.select(
                "language", "field_language",
                [("", words.text("unknown"))]
                    + offered.map { ($0, $0 == "other" ? words.text("language_other") : words.languageName($0)) }),
            build.text("source", "field_source", hint: "field_source_hint"),
            build.checkboxes(
                "activity", "field_document_activities",
                activities.map { ($0.id, "\($0.title) (\(words.date($0.start)))") },
                hint: "field_document_activities_hint"),
        ]
    }

    /// What the form says of the document, or the errors of its fields. The title may be left
    /// empty on an upload (`fileName` gives it), never when the description is changed.
    static func readDescription(
        _ state: FormState, partnership: Partnership, fileName: String?, words: Words
    ) -> (DocumentDescription?, [String: String]) {
        var reader = FormReader(state, words: words)
        let typedTitle = reader.text("title", required: fileName == nil)
        let kind: Document.Kind? = reader.choice("kind", required: true)
        let date = reader.date("date", required: false)
        let language = reader.text("language", required: false, maximum: 35)
        // The list offers its languages and the document's own; any language code is taken.
        if let chosen = language, chosen != "other", !isLanguageCode(chosen) {
            reader.fail("language", "error_choice")
        }
        let source = reader.text("source", required: false, maximum: FormReader.maximumText)
        let activities = state.all("activity").filter { !$0.isEmpty }
        if activities.contains(where: { chosen in !partnership.activities.contains { $0.id == chosen } }) {
            reader.fail("activity", "error_choice")
        }
        let title = typedTitle ?? fileName.map(Self.title(fromFileName:))
        if title?.isEmpty == true { reader.fail("title", "error_required") }
        guard reader.errors.isEmpty, let kind, let title else { return (nil, reader.errors) }
        return (
            DocumentDescription(
                title: title, kind: kind, date: date, language: language == "other" ? nil : language,
                source: source, activityIDs: activities),
            [:]
        )
    }

    /// A language code as `kembar/1` holds them: two or three letters, perhaps with a region.
    private static func isLanguageCode(_ value: String) -> Bool {
        value.wholeMatch(of: /[a-z]{2,3}(-[A-Za-z0-9]{2,8})*/) != nil
    }

    /// "Notulen_JWG-2024.docx" → "Notulen JWG-2024".
    static func title(fromFileName name: String) -> String {
        let base = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        let spaced = base.replacingOccurrences(of: "_", with: " ").trimmingCharacters(in: .whitespaces)
        return spaced.isEmpty ? name : String(spaced.prefix(FormReader.maximumName))
    }

    /// What to tell the person about a refused file, in their language.
    static func message(_ error: IntakeError, words: Words) -> String {
        switch error {
        case .empty: words.text("upload_error_empty")
        case .tooLarge(let limit): words.text("upload_error_too_large", ["limit": words.megabytes(limit)])
        case .mislabelled(let name, let claimed, let actual):
            words.text(
                "upload_error_mislabelled",
                [
                    "name": name, "claimed": words.term(claimed, "file-content"),
                    "actual": words.term(actual, "file-content"),
                ])
        case .unsupported(let content):
            words.text("upload_error_unsupported", ["what": words.term(content, "file-content")])
        case .corrupt(let content): words.text("upload_error_corrupt", ["format": words.term(content, "file-content")])
        case .expandsTooFar(let limit): words.text("upload_error_bomb", ["limit": words.megabytes(limit)])
        }
    }
}
