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

    func addRoutes(to table: inout RouteTable) {
        table.on(.newPartnership) { request, context in
            try await newPartnership(request, context, post: false)
        }
        table.on(.newPartnership, .post) { request, context in
            try await newPartnership(request, context, post: true)
        }
        table.on(.editPartnership) { request, context in
            try await editPartnership(request, context, post: false)
        }
        table.on(.editPartnership, .post) { request, context in
            try await editPartnership(request, context, post: true)
        }
        table.on(.editPartner) { request, context in
            try await editPartner(request, context, post: false)
        }
        table.on(.editPartner, .post) { request, context in
            try await editPartner(request, context, post: true)
        }
        table.on(.newRecord) { request, context in
            try await record(request, context, post: false, editing: false)
        }
        table.on(.newRecord, .post) { request, context in
            try await record(request, context, post: true, editing: false)
        }
        table.on(.editRecord) { request, context in
            try await record(request, context, post: false, editing: true)
        }
        table.on(.editRecord, .post) { request, context in
            try await record(request, context, post: true, editing: true)
        }
    }

    // MARK: - Partnerships and partners

    private func newPartnership(_ request: Request, _ context: KembarRequestContext, post: Bool) async throws
        -> Response
    {
        let words = context.words
        let account = try context.account
        let organizations = try await site.store.organizations().filter { account.canEdit(organizationID: $0.id) }
        guard !organizations.isEmpty else {
            guard account.readsWholePortfolio, !(try await site.store.organizations()).isEmpty else {
                throw AccessDenied.notFound
            }
            throw AccessDenied.forbidden
        }
        var chosen = post ? try await FormState.read(request) : FormState()
        let organizationID =
            organizations.contains { $0.id == chosen["organization"] } ? chosen["organization"] : organizations[0].id
        let partners = try await site.store.partners(organizationID: organizationID)
        var form = PartnershipForm(organizations: organizations, partners: partners, words: words, isNew: true)
        if post, PlaceSearch.isStep(chosen) { form.offer = try await placeStep(&chosen, prefix: "partner_") }
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
        do {
            try await site.store.savePartnership(
                partnership, organizationID: organization.id, replacing: nil, partner: result.partner,
                change: Change(
                    actor: context.visitor.actor, action: "create", entity: "partnership", entityID: partnership.id,
                    partnershipID: partnership.id,
                    summary: "created partnership \(partnership.id) with \(partner.name)",
                    after: json(RecordEncoder.value(partnership))))
        } catch StoreError.invalidRecord(let issues) {
            return try show(
                form.page(
                    chosen, errors: ["id": RecordCheck.describe(issues)], action: SitePath.newPartnership,
                    cancel: SitePath.portfolio, heading: heading),
                words, request, context, status: .unprocessableContent)
        }
        return saved(organization.id, partnership.id, .partnership, anchor: nil)
    }

    private func editPartnership(_ request: Request, _ context: KembarRequestContext, post: Bool) async throws
        -> Response
    {
        let words = context.words
        guard let stored = try await load(context) else {
            return try respond(site.notFound(request, context, words: words), request, context)
        }
        let organizationID = stored.organization.id
        let originalID = stored.partnership.id
        let form = PartnershipForm(organizations: [stored.organization], partners: [], words: words, isNew: false)
        let action = SitePath.editPartnership(organizationID, originalID)
        let cancel = SitePath.partnership(organizationID, originalID)
        let heading = words.text("form_partnership_edit_heading", ["name": stored.partnership.partner.name])
        let state = post ? try await FormState.read(request) : EditBasis.stamped(form.state(from: stored.partnership))
        func formPage(_ state: FormState, _ errors: [String: String]) -> FormPage {
            var page = form.page(state, errors: errors, action: action, cancel: cancel, heading: heading)
            page.hidden += EditBasis.hidden(state)
            return page
        }
        func page(_ errors: [String: String], status: HTTPResponse.Status = .ok) throws -> Response {
            try show(formPage(state, errors), words, request, context, status: status)
        }
        guard post, state["more"].isEmpty else { return try page([:]) }
        let existing = Set(try await site.store.partnerships(organizationID: organizationID))
        let (result, errors) = form.read(state, existingIDs: { _ in existing }, originalID: originalID)
        guard let result else { return try page(errors, status: .unprocessableContent) }
        let actor = context.visitor.actor
        do {
            let saved = try await site.modifyPartnership(organizationID, originalID) {
                current in
                if EditBasis.isOutdated(state, current: form.state(from: current.partnership)) {
                    throw EditRefusal.outdated(current)
                }
                var partnership = current.partnership
                partnership.id = result.id
                partnership.kind = result.kind
                let change = Self.partnershipChange(current.partnership, to: partnership, actor: actor)
                return (partnership, change, partnership.id)
            }
            guard let saved else { return try respond(site.notFound(request, context, words: words), request, context) }
            return self.saved(organizationID, saved, .partnership, anchor: nil)
        } catch StoreError.partnershipExists {
            // Taken by a partnership made since the id was checked.
            return try page(["id": words.text("error_duplicate_id")], status: .unprocessableContent)
        } catch EditRefusal.outdated(let current) {
            let refused = try await EditConflict(words: words).answer(
                state, current: form.state(from: current.partnership),
                of: .init(
                    organizationID: organizationID, partnershipID: originalID, entity: "partnership",
                    entityID: originalID),
                in: site.database, page: formPage)
            return try show(refused, words, request, context, status: .conflict)
        }
    }

    /// The audit entry of a partnership's id and kind changed.
    private static func partnershipChange(_ before: Partnership, to after: Partnership, actor: String) -> Change {
        func summary(_ partnership: Partnership) -> String {
            JSONWriter.string(
                .object([.init("id", .string(partnership.id)), .init("kind", .string(partnership.kind.rawValue))]))
        }
        return Change(
            actor: actor, action: "update", entity: "partnership", entityID: after.id, partnershipID: after.id,
            summary: "changed partnership \(before.id)", before: summary(before), after: summary(after))
    }

    private func editPartner(_ request: Request, _ context: KembarRequestContext, post: Bool) async throws -> Response {
        let words = context.words
        let organizationID = try context.organizationID
        let partnerID = try context.parameters.require("partner")
        let partners = try await site.store.partners(organizationID: organizationID)
        guard let current = partners.first(where: { $0.id == partnerID }) else {
            return try respond(site.notFound(request, context, words: words), request, context)
        }
        var sent =
            post
            ? try await FormState.read(request)
            : EditBasis.stamped(PartnerForm(words: words).state(from: current.partner))
        var offer = PlaceSearch.Offer()
        if post, PlaceSearch.isStep(sent) { offer = try await placeStep(&sent, prefix: "") }
        let (state, form) = (sent, PartnerForm(words: words, offer: offer))
        let action = SitePath.editPartner(organizationID, partnerID)
        let back = current.partnerships.first.map { SitePath.partnership(organizationID, $0) } ?? SitePath.portfolio
        let heading = words.text("form_partner_heading", ["name": current.partner.name])
        func page(_ state: FormState, _ errors: [String: String]) -> FormPage {
            var page = form.page(
                state, errors: errors, action: action, cancel: back, heading: heading, sharedBy: current.partnerships)
            page.hidden += EditBasis.hidden(state)
            return page
        }
        guard post, !PlaceSearch.isStep(state) else { return try show(page(state, [:]), words, request, context) }
        var reader = FormReader(state, words: words)
        let partner = form.read(&reader)
        guard let partner, reader.errors.isEmpty else {
            return try show(page(state, reader.errors), words, request, context, status: .unprocessableContent)
        }
        do {
            try await site.store.updatePartner(
                partner, id: partnerID, organizationID: organizationID,
                change: Change(
                    actor: context.visitor.actor, action: "update", entity: "partner", entityID: partnerID,
                    summary: "changed partner \(partner.name)",
                    before: json(RecordEncoder.value(current.partner)), after: json(RecordEncoder.value(partner)))
            ) { stored in
                if EditBasis.isOutdated(state, current: form.state(from: stored)) {
                    throw PartnerOutdated(partner: stored)
                }
            }
        } catch let outdated as PartnerOutdated {
            let refused = try await EditConflict(words: words).answer(
                state, current: form.state(from: outdated.partner),
                of: .init(organizationID: organizationID, entity: "partner", entityID: partnerID),
                in: site.database, page: page)
            return try show(refused, words, request, context, status: .conflict)
        }
        return redirect(back + "?saved=partner")
    }

    /// A step of the partner's search in the gazetteer: the cities found, or the chosen one put in `state`.
    private func placeStep(_ state: inout FormState, prefix: String) async throws -> PlaceSearch.Offer {
        try await PlaceSearch(gazetteer: GazetteerStore(database: site.database), prefix: prefix).step(&state)
    }

    /// The partner's details changed after the form was opened on them; these are they now.
    private struct PartnerOutdated: Error {
        let partner: Partner
    }

    // MARK: - Records of a partnership

    private func record(_ request: Request, _ context: KembarRequestContext, post: Bool, editing: Bool) async throws
        -> Response
    {
        let words = context.words
        guard let stored = try await load(context),
            let kind = context.parameters.get("kind").flatMap(RecordKind.init(rawValue:))
        else { return try respond(site.notFound(request, context, words: words), request, context) }
        let recordID = editing ? context.parameters.get("record") : nil
        let handler = RecordFormHandler(kind: kind, stored: stored, words: words)
        let sent = post ? try await FormState.read(request) : nil
        // A form opened on a record that has been renamed since is answered below, inside the write.
        let openedOnRecord = !(sent?[EditBasis.field].isEmpty ?? true)
        guard !editing || openedOnRecord || handler.exists(recordID ?? "") else {
            return try respond(site.notFound(request, context, words: words), request, context)
        }
        let state = sent ?? handler.stateToEdit(recordID)
        let organizationID = stored.organization.id
        let partnershipID = stored.partnership.id
        let form = RecordFormAddress(
            kind: kind, organizationID: organizationID, partnershipID: partnershipID, recordID: recordID)
        guard post, state["more"].isEmpty else {
            return try show(form.page(handler, state, errors: [:]), words, request, context)
        }
        let actor = context.visitor.actor
        do {
            // Read, checked and written in one transaction that holds the partnership, so that
            // what someone else saved since the form was opened is neither lost nor overwritten.
            let saved = try await site.modifyPartnership(organizationID, partnershipID) {
                current in
                let handler = RecordFormHandler(kind: kind, stored: current, words: words)
                if let recordID {
                    guard handler.exists(recordID) else { throw EditRefusal.gone(current) }
                    if EditBasis.isOutdated(state, current: handler.state(recordID)) {
                        throw EditRefusal.outdated(current)
                    }
                }
                let applied: RecordFormHandler.Applied
                switch handler.apply(state, recordID: recordID) {
                case .failure(let errors): throw EditRefusal.invalid(errors, current)
                case .success(let change): applied = change
                }
                let change = Change(
                    actor: actor, action: editing ? "update" : "create", entity: kind.entity,
                    entityID: applied.id, partnershipID: partnershipID,
                    summary:
                        "\(editing ? "changed" : "added") \(kind.entity) \(applied.id) of partnership \(partnershipID)",
                    before: applied.before.map(JSONWriter.string), after: JSONWriter.string(applied.after))
                return (applied.partnership, change, applied.anchor)
            }
            guard let saved else { return try respond(site.notFound(request, context, words: words), request, context) }
            return self.saved(organizationID, partnershipID, kind.notice, anchor: saved)
        } catch let refusal as EditRefusal {
            return try await refused(refusal, form, state, words: words, request, context)
        } catch StoreError.invalidRecord(let issues) {
            // The store checks the whole partnership before it writes.
            return try await refused(
                .invalid(["": RecordCheck.describe(issues)], stored), form, state, words: words, request, context)
        }
    }

    /// The form again, with the person's entries, when the partnership as it is now refuses them.
    private func refused(
        _ refusal: EditRefusal, _ form: RecordFormAddress, _ state: FormState, words: Words, _ request: Request,
        _ context: KembarRequestContext
    ) async throws -> Response {
        switch refusal {
        case .invalid(let errors, let current):
            let handler = RecordFormHandler(kind: form.kind, stored: current, words: words)
            return try show(
                form.page(handler, state, errors: errors), words, request, context, status: .unprocessableContent)
        case .gone(let current):
            // Renamed since: the entries can still be kept, as a new record.
            let handler = RecordFormHandler(kind: form.kind, stored: current, words: words)
            var state = state
            state[EditBasis.field] = ""
            let asNew = RecordFormAddress(
                kind: form.kind, organizationID: form.organizationID, partnershipID: form.partnershipID,
                recordID: nil)
            return try show(
                asNew.page(handler, state, errors: ["": words.text("form_conflict_gone")]), words, request, context,
                status: .conflict)
        case .outdated(let current):
            let handler = RecordFormHandler(kind: form.kind, stored: current, words: words)
            let refused = try await EditConflict(words: words).answer(
                state, current: handler.state(form.recordID),
                of: .init(
                    organizationID: form.organizationID, partnershipID: form.partnershipID, entity: form.kind.entity,
                    entityID: form.recordID),
                in: site.database
            ) { form.page(handler, $0, errors: $1) }
            return try show(refused, words, request, context, status: .conflict)
        }
    }

    // MARK: - Helpers

    /// The partnership of the address, once the visitor is known to be allowed to change it: the
    /// cached one (forms show no document's text), which a save reads again inside its write.
    private func load(_ context: KembarRequestContext) async throws -> StoredPartnership? {
        let organizationID = try context.organizationID
        let partnershipID = try context.partnershipID
        return try await site.partnership(organizationID, partnershipID).map {
            StoredPartnership(organization: $0.organization, partnership: $0.partnership, partnerID: $0.partnerID)
        }
    }

    private func saved(_ organizationID: String, _ partnershipID: String, _ notice: SavedNotice, anchor: String?)
        -> Response
    {
        redirect(
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
