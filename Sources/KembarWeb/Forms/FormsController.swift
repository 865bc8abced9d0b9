import Foundation
import Hummingbird
import KembarCore
import KembarStore

/// The forms that create and change the record: partnerships, partners, stages, agreements,
/// obligations and activities. Each form is checked as a whole; errors come back beside their
/// fields in the person's language with everything as typed; a valid form is saved in one
/// transaction with an audit entry, and the partnership page is shown.
struct FormsController {
    let site: Site

    func addRoutes(to router: Router<KembarRequestContext>) {
        router.get(RouterPath(SitePath.newPartnership)) { request, context in
            try await newPartnership(request, context, post: false)
        }
        router.post(RouterPath(SitePath.newPartnership)) { request, context in
            try await newPartnership(request, context, post: true)
        }
        router.get("/partnerships/:organization/:partnership/edit") { request, context in
            try await editPartnership(request, context, post: false)
        }
        router.post("/partnerships/:organization/:partnership/edit") { request, context in
            try await editPartnership(request, context, post: true)
        }
        router.get("/partners/:organization/:partner/edit") { request, context in
            try await editPartner(request, context, post: false)
        }
        router.post("/partners/:organization/:partner/edit") { request, context in
            try await editPartner(request, context, post: true)
        }
        router.get("/partnerships/:organization/:partnership/:kind/new") { request, context in
            try await record(request, context, post: false, editing: false)
        }
        router.post("/partnerships/:organization/:partnership/:kind/new") { request, context in
            try await record(request, context, post: true, editing: false)
        }
        router.get("/partnerships/:organization/:partnership/:kind/:record/edit") { request, context in
            try await record(request, context, post: false, editing: true)
        }
        router.post("/partnerships/:organization/:partnership/:kind/:record/edit") { request, context in
            try await record(request, context, post: true, editing: true)
        }
    }

    // MARK: - Partnerships and partners

    private func newPartnership(_ request: Request, _ context: KembarRequestContext, post: Bool) async throws
        -> Response
    {
        let words = site.renderer.words(LanguageChoice.language(of: request).language)
        let account = try context.visitor.signedIn()
        let organizations = try await site.store.organizations().filter { account.canEdit(organizationID: $0.id) }
        guard !organizations.isEmpty else {
            guard account.readsWholePortfolio, !(try await site.store.organizations()).isEmpty else {
                throw AccessDenied.notFound
            }
            throw AccessDenied.forbidden
        }
        let chosen = post ? try await FormState.read(request) : FormState()
        let organizationID =
            organizations.contains { $0.id == chosen["organization"] } ? chosen["organization"] : organizations[0].id
        let partners = try await site.store.partners(organizationID: organizationID)
        let form = PartnershipForm(organizations: organizations, partners: partners, words: words, isNew: true)
        let heading = words.text("form_partnership_new_heading")
        guard post, chosen["more"].isEmpty else {
            let state = post ? chosen : form.state(from: nil)
            return try show(
                form.page(
                    state, errors: [:], action: SitePath.newPartnership, cancel: SitePath.portfolio, heading: heading),
                words, request, context)
        }
        var existing: [String: Set<String>] = [:]
        for organization in organizations {
            existing[organization.id] = Set(try await site.store.partnerships(organizationID: organization.id))
        }
        let (result, errors) = form.read(chosen, existingIDs: { existing[$0] ?? [] }, originalID: nil)
        guard let result, let organization = organizations.first(where: { $0.id == result.organizationID }) else {
            return try show(
                form.page(
                    chosen, errors: errors, action: SitePath.newPartnership, cancel: SitePath.portfolio,
                    heading: heading), words,
                request, context, status: .unprocessableContent)
        }
        let partner =
            result.newPartner
            ?? partners.first { if case .existing(let id) = result.partner { $0.id == id } else { false } }!.partner
        let partnership = Partnership(id: result.id, kind: result.kind, partner: partner)
        if let problem = RecordCheck.problems(partnership, organization) {
            return try show(
                form.page(
                    chosen, errors: ["id": problem], action: SitePath.newPartnership, cancel: SitePath.portfolio,
                    heading: heading),
                words, request, context, status: .unprocessableContent)
        }
        try await site.store.savePartnership(
            partnership, organizationID: organization.id, replacing: nil, partner: result.partner,
            change: Change(
                actor: context.visitor.actor, action: "create", entity: "partnership", entityID: partnership.id,
                partnershipID: partnership.id, summary: "created partnership \(partnership.id) with \(partner.name)",
                after: json(RecordEncoder.value(partnership))))
        return await saved(organization.id, partnership.id, .partnership, anchor: nil)
    }

    private func editPartnership(_ request: Request, _ context: KembarRequestContext, post: Bool) async throws
        -> Response
    {
        let words = site.renderer.words(LanguageChoice.language(of: request).language)
        guard let stored = try await load(context) else {
            return try respond(site.notFound(request, context, words: words), request, context)
        }
        let organizationID = stored.organization.id
        let form = PartnershipForm(organizations: [stored.organization], partners: [], words: words, isNew: false)
        let action = SitePath.editPartnership(organizationID, stored.partnership.id)
        let cancel = SitePath.partnership(organizationID, stored.partnership.id)
        let heading = words.text("form_partnership_edit_heading", ["name": stored.partnership.partner.name])
        let state = post ? try await FormState.read(request) : form.state(from: stored.partnership)
        guard post, state["more"].isEmpty else {
            return try show(
                form.page(state, errors: [:], action: action, cancel: cancel, heading: heading), words, request, context
            )
        }
        let existing = Set(try await site.store.partnerships(organizationID: organizationID))
        let (result, errors) = form.read(state, existingIDs: { _ in existing }, originalID: stored.partnership.id)
        guard let result else {
            return try show(
                form.page(state, errors: errors, action: action, cancel: cancel, heading: heading), words, request,
                context,
                status: .unprocessableContent)
        }
        var partnership = stored.partnership
        partnership.id = result.id
        partnership.kind = result.kind
        try await site.store.savePartnership(
            partnership, organizationID: organizationID, replacing: stored.partnership.id,
            partner: .existing(stored.partnerID),
            change: Change(
                actor: context.visitor.actor, action: "update", entity: "partnership", entityID: partnership.id,
                partnershipID: partnership.id, summary: "changed partnership \(stored.partnership.id)",
                before: json(
                    .object([
                        .init("id", .string(stored.partnership.id)),
                        .init("kind", .string(stored.partnership.kind.rawValue)),
                    ])),
                after: json(
                    .object([.init("id", .string(partnership.id)), .init("kind", .string(partnership.kind.rawValue))])))
        )
        return await saved(organizationID, partnership.id, .partnership, anchor: nil)
    }

    private func editPartner(_ request: Request, _ context: KembarRequestContext, post: Bool) async throws -> Response {
        let words = site.renderer.words(LanguageChoice.language(of: request).language)
        let organizationID = try context.parameters.require("organization")
        let partnerID = try context.parameters.require("partner")
        _ = try context.visitor.editor(organizationID: organizationID)
        let partners = try await site.store.partners(organizationID: organizationID)
        guard let current = partners.first(where: { $0.id == partnerID }) else {
            return try respond(site.notFound(request, context, words: words), request, context)
        }
        let form = PartnerForm(words: words)
        let action = SitePath.editPartner(organizationID, partnerID)
        let back = current.partnerships.first.map { SitePath.partnership(organizationID, $0) } ?? SitePath.portfolio
        let heading = words.text("form_partner_heading", ["name": current.partner.name])
        var state = FormState()
        if post { state = try await FormState.read(request) } else { form.state(from: current.partner, into: &state) }
        let page = { (errors: [String: String]) in
            form.page(
                state, errors: errors, action: action, cancel: back, heading: heading, sharedBy: current.partnerships)
        }
        guard post else { return try show(page([:]), words, request, context) }
        var reader = FormReader(state, words: words)
        let partner = form.read(&reader)
        guard let partner, reader.errors.isEmpty else {
            return try show(page(reader.errors), words, request, context, status: .unprocessableContent)
        }
        try await site.store.updatePartner(
            partner, id: partnerID, organizationID: organizationID,
            change: Change(
                actor: context.visitor.actor, action: "update", entity: "partner", entityID: partnerID,
                summary: "changed partner \(partner.name)",
                before: json(RecordEncoder.value(current.partner)), after: json(RecordEncoder.value(partner))))
        await site.revisions.didWrite()
        return redirect(back + "?saved=partner")
    }

    // MARK: - Records of a partnership

    private func record(_ request: Request, _ context: KembarRequestContext, post: Bool, editing: Bool) async throws
        -> Response
    {
        let words = site.renderer.words(LanguageChoice.language(of: request).language)
        guard let stored = try await load(context),
            let kind = context.parameters.get("kind").flatMap(RecordKind.init(rawValue:))
        else { return try respond(site.notFound(request, context, words: words), request, context) }
        let recordID = editing ? context.parameters.get("record") : nil
        let handler = RecordFormHandler(kind: kind, stored: stored, words: words)
        guard !editing || handler.exists(recordID ?? "") else {
            return try respond(site.notFound(request, context, words: words), request, context)
        }
        let organizationID = stored.organization.id
        let partnershipID = stored.partnership.id
        let action =
            editing
            ? SitePath.editRecord(organizationID, partnershipID, kind.rawValue, recordID ?? "")
            : SitePath.newRecord(organizationID, partnershipID, kind.rawValue)
        let cancel = SitePath.partnership(organizationID, partnershipID)
        let heading = handler.heading(editing: editing)
        let state = post ? try await FormState.read(request) : handler.state(recordID)
        guard post, state["more"].isEmpty else {
            return try show(
                handler.page(state, errors: [:], action: action, cancel: cancel, heading: heading, recordID: recordID),
                words, request, context)
        }
        let outcome = handler.apply(state, recordID: recordID)
        guard case .success(let change) = outcome else {
            guard case .failure(let errors) = outcome else { return redirect(cancel) }
            return try show(
                handler.page(
                    state, errors: errors, action: action, cancel: cancel, heading: heading, recordID: recordID), words,
                request,
                context, status: .unprocessableContent)
        }
        if let problem = RecordCheck.problems(change.partnership, stored.organization) {
            return try show(
                handler.page(
                    state, errors: ["": problem], action: action, cancel: cancel, heading: heading, recordID: recordID),
                words,
                request, context, status: .unprocessableContent)
        }
        try await site.store.savePartnership(
            change.partnership, organizationID: organizationID, replacing: partnershipID,
            partner: .existing(stored.partnerID),
            change: Change(
                actor: context.visitor.actor, action: editing ? "update" : "create", entity: kind.entity,
                entityID: change.id, partnershipID: partnershipID,
                summary: "\(editing ? "changed" : "added") \(kind.entity) \(change.id) of partnership \(partnershipID)",
                before: change.before.map(json), after: json(change.after)))
        return await saved(organizationID, partnershipID, kind.notice, anchor: change.anchor)
    }

    // MARK: - Helpers

    /// The partnership of the address, once the visitor is known to be allowed to change it.
    private func load(_ context: KembarRequestContext) async throws -> StoredPartnership? {
        let organizationID = try context.parameters.require("organization")
        let partnershipID = try context.parameters.require("partnership")
        _ = try context.visitor.editor(organizationID: organizationID, partnershipID: partnershipID)
        return try await site.store.partnership(organizationID: organizationID, id: partnershipID)
    }

    private func saved(_ organizationID: String, _ partnershipID: String, _ notice: SavedNotice, anchor: String?) async
        -> Response
    {
        await site.revisions.didWrite()
        return redirect(
            SitePath.partnership(organizationID, partnershipID) + "?saved=\(notice.rawValue)"
                + (anchor.map { "#" + $0 } ?? ""))
    }

    private func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    private func show(
        _ page: FormPage, _ words: Words, _ request: Request, _ context: KembarRequestContext,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        try respond(
            site.page("form", title: page.heading, model: page, words: words, request, context, status: status),
            request, context)
    }

    private func respond(_ page: HTMLPage, _ request: Request, _ context: KembarRequestContext) throws -> Response {
        try page.response(from: request, context: context)
    }

    private func json(_ value: JSONValue) -> String {
        JSONWriter.string(value)
    }
}
