import Foundation
import Hummingbird
import KembarCore
import KembarStore

/// Community proposals: the public form on a partnership's public page, and the officers' review,
/// where a proposal becomes a planned activity (its proposer a `planner`) or is declined with a
/// reason.
struct ProposalsController {
    let site: Site

    func addRoutes(to table: inout RouteTable) {
        table.on(.propose) { request, context in
            try await propose(request, context, post: false)
        }
        table.on(.propose, .post) { request, context in
            try await propose(request, context, post: true)
        }
        table.on(.proposals) { request, context in
            try await review(request, context, state: FormState(), errors: [:], failed: nil)
        }
        table.on(.proposal, .post) { request, context in
            try await decide(request, context)
        }
    }

    /// The groups a proposer may speak for: people outside government.
    // MARK: - The public form

    private func propose(_ request: Request, _ context: KembarRequestContext, post: Bool) async throws -> Response {
        let words = context.words
        guard
            let stored = try await site.store.partnership(
                organizationID: try context.organizationID, id: try context.partnershipID)
        else { throw AccessDenied.notFound }
        let proposal = ProposalForm(stored: stored, words: words)
        let state = post ? try await FormState.read(request) : FormState()
        func form(_ errors: [String: String], status: HTTPResponse.Status) throws -> Response {
            let page = proposal.page(state, errors)
            return try site.page(
                "form", title: page.heading, model: page, words: words, request, context, status: status
            )
            .response(from: request, context: context)
        }
        func thanks() throws -> Response {
            try site.message(
                request, context, words: words, title: words.text("propose_thanks_title"),
                message: words.text("propose_thanks_message"), status: .ok
            ).response(from: request, context: context)
        }
        guard post else { return try form([:], status: .ok) }
        // A robot fills every field; a person never sees this one. Robots are thanked, not told.
        guard state["website"].isEmpty else { return try thanks() }
        let (read, errors) = proposal.read(state)
        guard let draft = read else { return try form(errors, status: .unprocessableContent) }
        do {
            try await site.proposals.submit(
                draft, organizationID: stored.organization.id, partnershipID: stored.partnership.id,
                from: context.visitor.address, now: site.security.now())
        } catch ParticipationError.tooManyFromAddress {
            return try form(["": words.text("propose_too_many")], status: .tooManyRequests)
        }
        return try thanks()
    }

    // MARK: - The officers' review

    private func review(
        _ request: Request, _ context: KembarRequestContext, state: FormState, errors: [String: String], failed: Int?
    ) async throws -> Response {
        let words = context.words
        let stored = try await site.reviewedPartnership(context)
        let organizationID = stored.organization.id
        let partnershipID = stored.partnership.id
        let proposals = try await site.proposals.proposals(organizationID: organizationID, partnershipID: partnershipID)
            .sorted { DecisionStatus.reviewOrder(($0.status, $0.id), ($1.status, $1.id)) }
        let decided = ReviewView.decidedNow(request)
        let items = proposals.map { proposal in
            let suffix = "-\(proposal.id)"
            var itemState = FormState()
            if failed == proposal.id { itemState = state }
            if itemState["title" + suffix].isEmpty { itemState["title" + suffix] = Self.title(from: proposal.idea) }
            if itemState["kind" + suffix].isEmpty { itemState["kind" + suffix] = Activity.Kind.event.rawValue }
            let build = FieldBuilder(
                state: itemState, errors: failed == proposal.id ? errors : [:], words: words)
            return ReviewView.Item(
                anchor: "proposal-\(proposal.id)",
                heading: words.text("review_proposal_heading", ["n": words.count(proposal.id)]),
                facts: Self.facts(of: proposal, words: words),
                status: proposal.status.described(reason: proposal.reason, words: words),
                pending: proposal.status == .pending,
                action: SitePath.proposal(organizationID, partnershipID, proposal.id),
                acceptFields: [
                    build.text("title" + suffix, "field_title", required: true),
                    build.date("start" + suffix, "field_planned_start", required: true),
                    build.choice(
                        "kind" + suffix, "field_kind", Activity.Kind.self, family: "activity-kind", required: true),
                    build.radios(
                        "public" + suffix, "field_public",
                        [("yes", words.text("public_choice_yes")), ("no", words.text("public_choice_no"))],
                        required: true, hint: "hint_public"),
                ],
                acceptLabel: words.text("review_accept_proposal"),
                declineField: build.textarea("reason" + suffix, "field_decline_reason", required: true),
                declineLabel: words.text("review_decline"),
                errors: failed == proposal.id ? errors.values.sorted() : [], hasErrors: failed == proposal.id,
                outcome: ReviewView.outcome(
                    activityID: proposal.activityID, in: stored, labelKey: "review_outcome_activity", words: words),
                notice: ReviewView.notice(
                    proposal.status, decidedNow: decided == proposal.id,
                    keys: ("review_notice_accepted", "review_notice_declined"), words: words))
        }
        return try site.reviewPage(
            items, of: stored, titleKey: "review_proposals_title", introKey: "review_proposals_intro",
            failed: failed != nil, words: words, request,
            context)
    }

    /// What the public wrote, as the officers read it.
    private static func facts(of proposal: Proposal, words: Words) -> [PartnershipView.Fact] {
        var facts = [
            PartnershipView.Fact(
                label: words.text("review_proposer"),
                value: [proposal.proposerName, proposal.proposerOrganization].compactMap { $0 }.joined(
                    separator: ", ")),
            PartnershipView.Fact(
                label: words.text("review_group"), value: words.term(proposal.group, "group")),
            PartnershipView.Fact(label: words.text("review_contact"), value: proposal.contact),
            PartnershipView.Fact(label: words.text("review_idea"), value: proposal.idea),
            PartnershipView.Fact(
                label: words.text("review_received"), value: ReviewView.day(proposal.submittedAt, words: words)),
        ]
        if let area = proposal.area {
            facts.append(
                PartnershipView.Fact(
                    label: words.text("field_proposal_area"), value: words.term("area.\(area)", fallback: area)))
        }
        return facts
    }

    private func decide(_ request: Request, _ context: KembarRequestContext) async throws -> Response {
        let words = context.words
        let stored = try await site.reviewedPartnership(context)
        let organizationID = stored.organization.id
        let partnershipID = stored.partnership.id
        guard let proposalID = context.parameters.get("proposal").flatMap(Int.init),
            let proposal = try await site.proposals.proposal(
                id: proposalID, organizationID: organizationID, partnershipID: partnershipID)
        else { throw AccessDenied.notFound }
        let suffix = "-\(proposalID)"
        return try await site.decide(
            request, words: context.words, reasonField: "reason" + suffix,
            back: SitePath.proposals(organizationID, partnershipID) + "?decided=\(proposalID)#proposal-\(proposalID)",
            review: { state, errors in
                try await review(request, context, state: state, errors: errors, failed: proposalID)
            },
            decline: { reason in
                try await site.proposals.decline(
                    id: proposalID, organizationID: organizationID, partnershipID: partnershipID, reason: reason,
                    actor: context.visitor.actor)
            },
            accept: { state in
                var reader = FormReader(state, words: words)
                let title = reader.text("title" + suffix, required: true)
                let start = reader.date("start" + suffix, required: true)
                let kind: Activity.Kind? = reader.choice("kind" + suffix, required: true)
                let isPublic = reader.yesOrNo("public" + suffix)
                guard reader.errors.isEmpty, let title, let start, let kind, let isPublic else { return reader.errors }
                let activity = Activity(
                    id: Slug.unused(FormReader.slug(title), avoiding: Set(stored.partnership.activities.map(\.id))),
                    title: title, start: start, kind: kind, areas: proposal.area.map { [$0] } ?? [],
                    host: nil, initiator: .home,
                    participants: [Participant(side: .home, group: proposal.group, role: .planner)],
                    isPublic: isPublic)
                do {
                    try await site.proposals.accept(
                        id: proposalID, activity: activity, organizationID: organizationID,
                        partnershipID: partnershipID, actor: context.visitor.actor)
                } catch StoreError.invalidRecord(let issues) {
                    return ["": RecordCheck.describe(issues)]
                }
                return [:]
            })
    }

    /// A planned activity's first title: the idea's first line, shortened at a word.
    static func title(from idea: String) -> String {
        let line = idea.split(whereSeparator: \.isNewline).first.map(String.init) ?? idea
        guard line.count > 80 else { return line }
        let cut = line.prefix(80)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }
}
