import Hummingbird
import KembarCore
import KembarStore

/// What the two review pages (community proposals, the partner city's activities) share: the
/// partnership of the address, which only its government's editors may review, and the page.
extension Site {
    /// The partnership under review, once the visitor is known to be one of its editors.
    func reviewedPartnership(_ context: KembarRequestContext) async throws -> StoredPartnership {
        let organizationID = try context.organizationID
        let partnershipID = try context.partnershipID
        guard let stored = try await store.partnership(organizationID: organizationID, id: partnershipID) else {
            throw AccessDenied.notFound
        }
        return stored
    }

    /// The review page of `stored` with `items`, titled by `titleKey` and introduced by `introKey`;
    /// answered with 422 when a decision came back with errors.
    func reviewPage(
        _ items: [ReviewView.Item], of stored: StoredPartnership, titleKey: String, introKey: String, failed: Bool,
        words: Words, _ request: Request, _ context: KembarRequestContext
    ) throws -> Response {
        let view = ReviewView(
            heading: words.text(
                titleKey, ["name": "\(stored.organization.place.name) – \(stored.partnership.partner.name)"]),
            intro: words.text(introKey),
            back: SitePath.partnership(stored.organization.id, stored.partnership.id),
            items: items, hasItems: !items.isEmpty)
        return try page(
            "review", title: view.heading, model: view, words: words, request, context,
            status: failed ? .unprocessableContent : .ok
        ).response(from: request, context: context)
    }
}

extension Site {
    /// Carries out a reviewer's decision on one waiting item and returns to it: a decline needs a
    /// reason (kept with the item); an acceptance is `accept`'s to check and save, returning the
    /// errors that stop it; an item decided meanwhile (by a colleague) is refused. Errors come back
    /// on the review page beside the item, through `review`.
    func decide(
        _ request: Request, words: Words, reasonField: String, back: String,
        review: (FormState, [String: String]) async throws -> Response,
        decline: (String) async throws -> Void,
        accept: (FormState) async throws -> [String: String]
    ) async throws -> Response {
        let state = try await FormState.read(request)
        do {
            switch state["decision"] {
            case "decline":
                var reader = FormReader(state, words: words)
                guard
                    let reason = reader.text(
                        reasonField, required: true, maximum: FormReader.maximumText, multiline: true)
                else { return try await review(state, reader.errors) }
                try await decline(reason)
            case "accept":
                let errors = try await accept(state)
                guard errors.isEmpty else { return try await review(state, errors) }
            default:
                throw HTTPError(.badRequest, message: "decision must be accept or decline")
            }
        } catch ParticipationError.alreadyDecided {
            return try await review(state, ["": words.text("review_already_decided")])
        }
        return Response(status: .seeOther, headers: [.location: back])
    }
}

extension ReviewView {
    /// The day of a stored timestamp, as people write it.
    static func day(_ timestamp: String, words: Words) -> String {
        CalendarDay(iso: String(timestamp.prefix(10))).map(words.day) ?? String(timestamp.prefix(10))
    }

    /// The link to the activity a decision added, while the record still holds it, said by
    /// `labelKey`.
    static func outcome(
        activityID: String?, in stored: StoredPartnership, labelKey: String, words: Words
    ) -> PartnershipView.Link? {
        guard let activityID, let activity = stored.partnership.activities.first(where: { $0.id == activityID })
        else { return nil }
        return PartnershipView.Link(
            href: SitePath.partnership(stored.organization.id, stored.partnership.id) + "#"
                + SitePath.anchor("activity", activity.id),
            label: words.text(labelKey, ["title": activity.title]))
    }

    /// What is said beside an item right after its decision, under `keys` (what an acceptance
    /// and a refusal mean on the page).
    static func notice(
        _ status: DecisionStatus, decidedNow: Bool, keys: (accepted: String, declined: String), words: Words
    ) -> String? {
        guard decidedNow else { return nil }
        switch status {
        case .pending: return nil
        case .accepted: return words.text(keys.accepted)
        case .declined: return words.text(keys.declined)
        }
    }

    /// The item a decision was just taken on, named in the address it returns to.
    static func decidedNow(_ request: Request) -> Int? {
        request.uri.queryParameters["decided"].flatMap { Int(String($0)) }
    }
}

extension DecisionStatus {
    /// Pending ones first, then the newest.
    static func reviewOrder(_ a: (status: DecisionStatus, id: Int), _ b: (status: DecisionStatus, id: Int)) -> Bool {
        (a.status == .pending ? 0 : 1, -a.id) < (b.status == .pending ? 0 : 1, -b.id)
    }

    func described(reason: String?, words: Words) -> String {
        let text = words.text("review_status_\(rawValue)")
        return reason.map { text + ": " + $0 } ?? text
    }
}
