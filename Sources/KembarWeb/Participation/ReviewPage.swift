import Hummingbird
import KembarCore
import KembarStore

/// What the two review pages (community proposals, the partner city's activities) share: the
/// partnership of the address, which only its government's editors may review, and the page.
extension Site {
    /// The partnership under review, once the visitor is known to be one of its editors.
    func reviewedPartnership(_ context: KembarRequestContext) async throws -> StoredPartnership {
        let organizationID = try context.parameters.require("organization")
        let partnershipID = try context.parameters.require("partnership")
        _ = try context.visitor.editor(organizationID: organizationID, partnershipID: partnershipID)
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
        _ request: Request, reasonField: String, back: String,
        review: (FormState, [String: String]) async throws -> Response,
        decline: (String) async throws -> Void,
        accept: (FormState) async throws -> [String: String]
    ) async throws -> Response {
        let words = renderer.words(LanguageChoice.language(of: request).language)
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
    /// The day of a stored timestamp.
    static func day(_ timestamp: String) -> String {
        String(timestamp.prefix(10))
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
