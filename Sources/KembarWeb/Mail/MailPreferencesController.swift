import Foundation
import Hummingbird
import KembarCore
import KembarStore

/// Each person's choice of what mail reaches them, per kind (off, in the weekly digest, or at
/// once), and in which language.
struct MailPreferencesController {
    let site: Site

    func addRoutes(to table: inout RouteTable) {
        table.on(.mailPreferences) { request, context in try await preferences(request, context, post: false) }
        table.on(.mailPreferences, .post) { request, context in try await preferences(request, context, post: true) }
    }

    private func preferences(_ request: Request, _ context: KembarRequestContext, post: Bool) async throws
        -> Response
    {
        let words = context.words
        let account = try context.account
        let store = MailSettingsStore(database: site.database)
        var settings = try await store.settings(of: account)
        var errors: [String: String] = [:]
        var state = FormState(
            urlEncoded: (MailKind.allCases.map { "\($0.rawValue)=\(settings.frequency($0).rawValue)" }
                + ["language=\(settings.language)"]).joined(separator: "&"))
        var saved = false
        if post {
            state = try await FormState.read(request)
            for kind in MailKind.allCases {
                if let frequency = MailFrequency(rawValue: state[kind.rawValue]), kind.frequencies.contains(frequency) {
                    settings.frequencies[kind] = frequency
                } else {
                    errors[kind.rawValue] = words.text("mail_preferences_choose")
                }
            }
            if Language(rawValue: state["language"]) != nil {
                settings.language = state["language"]
            } else {
                errors["language"] = words.text("mail_preferences_choose")
            }
            if errors.isEmpty {
                try await store.save(settings)
                saved = true
            }
        }
        let build = FieldBuilder(state: state, errors: errors, words: words)
        let intro =
            (site.mail == nil ? words.text("mail_not_configured_person") + " " : "")
            + (saved ? words.text("mail_preferences_saved") + " " : "")
            + words.text("mail_preferences_intro", ["email": account.email])
        let page = FormPage(
            action: SitePath.mailPreferences, heading: words.text("mail_preferences_title"), intro: intro,
            errors: errors,
            sections: [
                FormPage.Section(
                    legend: words.text("mail_preferences_kinds"),
                    fields: MailKind.allCases.map { kind in
                        build.select(
                            kind.rawValue, "mail_kind_\(kind.rawValue)",
                            kind.frequencies.map {
                                (value: $0.rawValue, label: words.text("mail_frequency_\($0.rawValue)"))
                            })
                    }
                        + [
                            build.select(
                                "language", "mail_preferences_language",
                                Language.allCases.map { (value: $0.rawValue, label: $0.nativeName) })
                        ], tables: [])
            ], submitLabel: words.text("save"), cancelHref: SitePath.home, cancelLabel: words.text("cancel"))
        return try site.page(
            "form", title: page.heading, model: page, words: words, request, context,
            status: errors.isEmpty ? .ok : .unprocessableContent
        ).response(from: request, context: context)
    }
}
