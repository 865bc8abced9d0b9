import Foundation
import Hummingbird
import KembarCore
import KembarStore

/// The one-click unsubscribe of every message a person may stop (RFC 8058): the link needs no
/// sign-in, its signed token names the account and what it stops. Opening the link asks first
/// (link checkers open links); a POST, from the page's button or from the mail program's own
/// one-click, stops it. Outside the site's form tokens: a mail program sends no cookie.
struct UnsubscribeController {
    let site: Site

    func addRoutes(to router: Router<KembarRequestContext>) {
        router.get(RouterPath(SitePath.unsubscribePattern)) { request, context in
            try await page(request, context, post: false)
        }
        router.post(RouterPath(SitePath.unsubscribePattern)) { request, context in
            try await page(request, context, post: true)
        }
    }

    private func page(_ request: Request, _ context: KembarRequestContext, post: Bool) async throws -> Response {
        let words = context.words
        let token = context.parameters.get("token") ?? ""
        let key = try await MailSigningKey.key(site.database)
        guard let (accountID, what) = UnsubscribeToken.read(token, key: key),
            what == "digest" || MailKind(rawValue: what) != nil,
            let account = try await site.accounts.account(id: accountID)
        else {
            return try site.message(
                request, context, words: words, title: words.text("unsubscribe_title"),
                message: words.text("unsubscribe_invalid"), status: .notFound
            ).response(from: request, context: context)
        }
        let store = MailSettingsStore(database: site.database)
        let stopping =
            what == "digest" ? words.text("mail_unsubscribe_digest") : words.text("mail_kind_\(what)")
        guard post else {
            let view = UnsubscribeView(
                action: SitePath.unsubscribe(token),
                question: words.text("unsubscribe_question", ["what": stopping, "email": account.email]),
                button: words.text("unsubscribe_button"))
            return try site.page(
                "unsubscribe", title: words.text("unsubscribe_title"), model: view, words: words, request, context
            ).response(from: request, context: context)
        }
        if what == "digest" {
            var settings = try await store.settings(of: account)
            for kind in MailKind.allCases where settings.frequency(kind) == .weekly {
                settings.frequencies[kind] = .off
            }
            try await store.save(settings)
        } else if let kind = MailKind(rawValue: what) {
            try await store.turnOff(kind, accountID: account.id)
        }
        return try site.message(
            request, context, words: words, title: words.text("unsubscribe_title"),
            message: words.text("unsubscribe_done", ["what": stopping, "email": account.email]), status: .ok
        ).response(from: request, context: context)
    }
}

struct UnsubscribeView {
    let action: String
    let question: String
    let button: String
}
