import Hummingbird
import KembarCore
import KembarStore

/// Where a person makes and revokes their personal tokens: for the JSON API, and for the
/// calendar feeds a calendar program subscribes to.
struct TokensController {
    let site: Site

    func addRoutes(to table: inout RouteTable) {
        table.on(.tokens) { request, context in try await page(request, context) }
        table.on(.tokens, .post) { request, context in try await create(request, context) }
        table.on(.revokeToken, .post) { request, context in try await revoke(request, context) }
    }

    private func page(_ request: Request, _ context: KembarRequestContext) async throws -> HTMLPage {
        let account = try context.account
        let words = context.words
        return try await render(account, words: words, state: FormState(), errors: [:], request, context)
    }

    private func create(_ request: Request, _ context: KembarRequestContext) async throws -> HTMLPage {
        let account = try context.account
        let words = context.words
        let state = try await FormState.read(request)
        var errors: [String: String] = [:]
        let purpose = PersonalTokenStore.Purpose(rawValue: state["purpose"])
        if purpose == nil { errors["purpose"] = words.text("tokens_error_purpose") }
        var created: (secret: String, token: PersonalTokenStore.Token)?
        if let purpose {
            do {
                created = try await site.personalTokens.create(for: account, name: state["name"], purpose: purpose)
            } catch PersonalTokenStore.Failure.nameMissing {
                errors["name"] = words.text("error_required")
            } catch PersonalTokenStore.Failure.nameTooLong {
                errors["name"] = words.text("tokens_error_name_long")
            }
        }
        guard let created else {
            return try await render(
                account, words: words, state: state, errors: errors, request, context, status: .unprocessableContent)
        }
        return try await render(
            account, words: words, state: FormState(), errors: [:], request, context, created: created)
    }

    private func revoke(_ request: Request, _ context: KembarRequestContext) async throws -> Response {
        let account = try context.account
        guard let id = Int(try context.parameters.require("id")) else { throw AccessDenied.notFound }
        do {
            try await site.personalTokens.revoke(id: id, of: account)
        } catch PersonalTokenStore.Failure.notFound {
            throw AccessDenied.notFound
        }
        return Response(status: .seeOther, headers: [.location: SitePath.tokens])
    }

    private func render(
        _ account: Account, words: Words, state: FormState, errors: [String: String], _ request: Request,
        _ context: KembarRequestContext, status: HTTPResponse.Status = .ok,
        created: (secret: String, token: PersonalTokenStore.Token)? = nil
    ) async throws -> HTMLPage {
        let build = FieldBuilder(state: state, errors: errors, words: words)
        let form = FormPage(
            action: SitePath.tokens, heading: words.text("tokens_new"), intro: nil, errors: errors,
            sections: [
                FormPage.Section(
                    legend: words.text("tokens_new"),
                    fields: [
                        build.text("name", "field_token_name", hint: "field_token_name_hint", required: true),
                        build.select(
                            "purpose", "field_token_purpose",
                            [("", words.text("choose"))]
                                + PersonalTokenStore.Purpose.allCases.map {
                                    ($0.rawValue, words.term($0, "token-purpose"))
                                }, required: true, hint: "field_token_purpose_hint"),
                    ], tables: [])
            ],
            submitLabel: words.text("tokens_create"), cancelHref: nil, cancelLabel: words.text("cancel"))
        var usages: [TokensView.Usage] = []
        if let created {
            usages = try await self.usages(of: created.secret, created.token.purpose, account, request, words)
        }
        let view = TokensView(
            tokens: try await site.personalTokens.tokens(of: account), created: created, usages: usages, form: form,
            words: words)
        return site.page(
            "tokens", title: words.text("tokens_title"), model: view, words: words, request, context, status: status)
    }

    /// What the new token opens, written out so that it can be copied.
    private func usages(
        of secret: String, _ purpose: PersonalTokenStore.Purpose, _ account: Account, _ request: Request, _ words: Words
    ) async throws -> [TokensView.Usage] {
        let base = site.security.baseURL(of: request)
        switch purpose {
        case .api:
            return [
                TokensView.Usage(
                    label: words.text("tokens_usage_api"),
                    value: "curl -H 'Authorization: Bearer \(secret)' \(base)\(APIPath.organizations)")
            ]
        case .calendar:
            var usages: [TokensView.Usage] = []
            for id in try await site.organizationIDs(readBy: account) {
                guard let index = try await site.index(id) else { continue }
                if account.readsWholePortfolio {
                    usages.append(
                        TokensView.Usage(
                            label: words.text("tokens_usage_calendar", ["name": index.organization.name]),
                            value: base + SitePath.calendarFeed(secret, id)))
                }
                for partnership in index.partnerships
                where account.canRead(organizationID: id, partnershipID: partnership.id) && account.role == .partner {
                    usages.append(
                        TokensView.Usage(
                            label: words.text(
                                "tokens_usage_calendar",
                                ["name": "\(index.organization.place.name) – \(partnership.partnerName)"]),
                            value: base + SitePath.calendarFeed(secret, id, partnership.id)))
                }
            }
            return usages
        }
    }
}
