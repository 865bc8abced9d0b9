import Foundation
import KembarCore
import KembarDocuments
import KembarStore

/// The upload form's fields, read and checked; the file itself is checked by ``DocumentIntake``.
struct UploadForm {
    static let languages = ["id", "en", "zh", "ja", "ko", "de", "nl", "fr", "ar", "other"]

    /// Builds the form page for `partnership`, with what was typed and its errors.
    static func page(
        partnership: Partnership, action: String, back: String, state: FormState, errors: [String: String],
        words: Words, limit: Int
    ) -> FormPage {
        let build = FieldBuilder(state: state, errors: errors, words: words)
        let activities = partnership.activities.sorted { $0.start.span.lowerBound > $1.start.span.lowerBound }
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
                    fields: [
                        build.text("title", "field_title", hint: "field_document_title_hint"),
                        build.choice(
                            "kind", "field_document_kind", Document.Kind.self, family: "document-kind", required: true),
                        build.date("date", "field_date"),
                        build.select(
                            "language", "field_language",
                            [("", words.text("unknown"))] + languages.map { ($0, words.text("language_\($0)")) }),
                        build.text("source", "field_source", hint: "field_source_hint"),
                        build.select(
                            "activity", "field_document_activity",
                            [("", words.text("document_no_activity"))]
                                + activities.map { ($0.id, "\($0.title) (\(words.date($0.start)))") }),
                    ], tables: []),
            ],
            submitLabel: words.text("upload_submit"), cancelHref: back, cancelLabel: words.text("cancel"))
        page.multipart = true
        return page
    }

    /// The upload described by the form, or the errors of its fields.
    static func read(
        _ state: FormState, file: MultipartForm.File?, extracted: ExtractedDocument?, partnership: Partnership,
        words: Words
    ) -> (DocumentUpload?, [String: String]) {
        var reader = FormReader(state, words: words)
        let typedTitle = reader.text("title", required: false)
        let kind: Document.Kind? = reader.choice("kind", required: true)
        let date = reader.date("date", required: false)
        var language = reader.text("language", required: false)
        if let chosen = language, !languages.contains(chosen) {
            reader.fail("language", "error_choice")
            language = nil
        }
        let source = reader.text("source", required: false, maximum: FormReader.maximumText)
        var activity = reader.text("activity", required: false)
        if let chosen = activity, !partnership.activities.contains(where: { $0.id == chosen }) {
            reader.fail("activity", "error_choice")
            activity = nil
        }
        guard reader.errors.isEmpty, let kind, let file, let extracted else { return (nil, reader.errors) }
        let title = typedTitle ?? Self.title(fromFileName: file.fileName)
        return (
            DocumentUpload(
                title: title, kind: kind, date: date, language: language == "other" ? nil : language, source: source,
                activityID: activity, fileName: file.fileName, mediaType: extracted.format.mediaType, bytes: file.bytes,
                text: extracted.text),
            [:]
        )
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
