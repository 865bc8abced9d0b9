import Foundation
import Hummingbird
import KembarCore
import KembarStore

/// Activities entered by the partner city's liaison: the form they fill in (the same as the
/// officers' activity form), and the officers' review that confirms each into the record or
/// returns it with a reason.
struct PartnerSubmissionsController {
    let site: Site

    func addRoutes(to table: inout RouteTable) {
        table.on(.newSubmission) { request, context in
            try await contribute(request, context, post: false)
        }
        table.on(.newSubmission, .post) { request, context in
            try await contribute(request, context, post: true)
        }
        table.on(.contributions) { request, context in
            try await contributions(request, context)
        }
        table.on(.submissions) { request, context in
            try await review(request, context, state: FormState(), errors: [:], failed: nil)
        }
        table.on(.submission, .post) { request, context in
            try await decide(request, context)
        }
    }

    private func contribute(_ request: Request, _ context: KembarRequestContext, post: Bool) async throws -> Response {
        let words = context.words
        let organizationID = try context.organizationID
        let partnershipID = try context.partnershipID
        guard let stored = try await site.store.partnership(organizationID: organizationID, id: partnershipID) else {
            throw AccessDenied.notFound
        }
        let form = ActivityForm(partnership: stored.partnership, homeName: stored.organization.place.name, words: words)
        let action = SitePath.newSubmission(organizationID, partnershipID)
        let cancel = SitePath.partnership(organizationID, partnershipID)
        let heading = words.text("submit_activity_heading")
        let state = post ? try await FormState.read(request) : form.state(from: nil)
        func show(_ errors: [String: String], status: HTTPResponse.Status) throws -> Response {
            var page = form.page(state, errors: errors, action: action, cancel: cancel, heading: heading)
            // The officers' activity form, introduced and labelled for the partner city.
            page.intro = words.text("submit_activity_intro")
            page.submitLabel = words.text("submit_activity_submit")
            return try site.page("form", title: heading, model: page, words: words, request, context, status: status)
                .response(from: request, context: context)
        }
        guard post, state["more"].isEmpty else { return try show([:], status: .ok) }
        let (activity, errors) = form.read(state)
        guard let activity else { return try show(errors, status: .unprocessableContent) }
        if case .failure(let errors) = form.checked(activity, replacing: nil) {
            return try show(errors.fields, status: .unprocessableContent)
        }
        try await site.submissions.submit(
            activityJSON: JSONWriter.string(RecordEncoder.value(activity)), title: activity.title,
            organizationID: organizationID, partnershipID: partnershipID, enteredBy: context.visitor.actor)
        return Response(
            status: .seeOther,
            headers: [.location: SitePath.contributions(organizationID, partnershipID) + "?saved=submission"])
    }

    /// The liaison's own list: each activity entered, whether it was confirmed or returned, and why.
    private func contributions(_ request: Request, _ context: KembarRequestContext) async throws -> HTMLPage {
        let words = context.words
        let organizationID = try context.organizationID
        let partnershipID = try context.partnershipID
        let submissions = try await site.submissions.submissions(
            organizationID: organizationID, partnershipID: partnershipID)
        let view = ContributionsView(
            heading: words.text("contributions_title"),
            saved: request.uri.queryParameters["saved"] == "submission"
                ? words.text("saved_notice", ["what": words.text("saved_submission")]) : nil,
            newEntry: SitePath.newSubmission(organizationID, partnershipID),
            back: SitePath.partnership(organizationID, partnershipID),
            hasEntries: !submissions.isEmpty,
            entries: submissions.map { submission in
                ContributionsView.Entry(
                    title: submission.title, entered: ReviewView.day(submission.enteredAt, words: words),
                    enteredBy: words.actor(submission.enteredBy),
                    status: submission.status.described(reason: submission.reason, words: words))
            })
        return site.page("contributions", title: view.heading, model: view, words: words, request, context)
    }

    private func review(
        _ request: Request, _ context: KembarRequestContext, state: FormState, errors: [String: String], failed: Int?
    ) async throws -> Response {
        let words = context.words
        let stored = try await site.reviewedPartnership(context)
        let organizationID = stored.organization.id
        let partnershipID = stored.partnership.id
        let submissions = try await site.submissions.submissions(
            organizationID: organizationID, partnershipID: partnershipID
        )
        .sorted { DecisionStatus.reviewOrder(($0.status, $0.id), ($1.status, $1.id)) }
        let decided = ReviewView.decidedNow(request)
        let items = submissions.map { submission in
            let build = FieldBuilder(state: failed == submission.id ? state : FormState(), errors: [:], words: words)
            var facts = [
                PartnershipView.Fact(label: words.text("review_entered_by"), value: words.actor(submission.enteredBy)),
                PartnershipView.Fact(
                    label: words.text("review_received"), value: ReviewView.day(submission.enteredAt, words: words)),
            ]
            // Decoded only, not checked against the record: once confirmed, the record holds it.
            let entered = try? RecordDecoder.activity(JSONParser.parse(submission.activityJSON), path: "$")
            if let activity = entered {
                facts.append(PartnershipView.Fact(label: words.text("field_start"), value: words.date(activity.start)))
                facts.append(
                    PartnershipView.Fact(
                        label: words.text("field_kind"), value: words.term(activity.kind, "activity-kind")))
                if !activity.participants.isEmpty {
                    facts.append(
                        PartnershipView.Fact(
                            label: words.text("field_participants"),
                            value: activity.participants.map {
                                "\(words.term($0.side, "side")): \(words.term($0.group, "group"))"
                                    + ($0.count.map { " (\(words.count($0)))" } ?? "")
                            }.joined(separator: "; ")))
                }
            }
            return ReviewView.Item(
                anchor: "submission-\(submission.id)", heading: submission.title, facts: facts,
                status: submission.status.described(reason: submission.reason, words: words),
                pending: submission.status == .pending,
                action: SitePath.submission(organizationID, partnershipID, submission.id), acceptFields: [],
                acceptLabel: words.text("review_confirm_activity"),
                declineField: build.textarea("reason-\(submission.id)", "field_return_reason", required: true),
                declineLabel: words.text("review_return"),
                errors: failed == submission.id ? errors.values.sorted() : [], hasErrors: failed == submission.id,
                outcome: submission.status == .accepted
                    ? ReviewView.outcome(
                        activityID: entered?.id, in: stored, labelKey: "review_outcome_entered", words: words) : nil,
                notice: ReviewView.notice(
                    submission.status, decidedNow: decided == submission.id,
                    keys: ("review_notice_confirmed", "review_notice_returned"), words: words))
        }
        return try site.reviewPage(
            items, of: stored, titleKey: "review_submissions_title", introKey: "review_submissions_intro",
            failed: failed != nil, words: words, request,
            context)
    }

    private func decide(_ request: Request, _ context: KembarRequestContext) async throws -> Response {
        let stored = try await site.reviewedPartnership(context)
        let organizationID = stored.organization.id
        let partnershipID = stored.partnership.id
        guard let submissionID = context.parameters.get("submission").flatMap(Int.init),
            try await site.submissions.submission(
                id: submissionID, organizationID: organizationID, partnershipID: partnershipID) != nil
        else { throw AccessDenied.notFound }
        return try await site.decide(
            request, words: context.words, reasonField: "reason-\(submissionID)",
            back: SitePath.submissions(organizationID, partnershipID)
                + "?decided=\(submissionID)#submission-\(submissionID)",
            review: { state, errors in
                try await review(request, context, state: state, errors: errors, failed: submissionID)
            },
            decline: { reason in
                try await site.submissions.decline(
                    id: submissionID, organizationID: organizationID, partnershipID: partnershipID, reason: reason,
                    actor: context.visitor.actor)
            },
            accept: { _ in
                // Checked again against the partnership as it is now, which may have changed since.
                do {
                    try await site.submissions.confirm(
                        id: submissionID, organizationID: organizationID, partnershipID: partnershipID,
                        actor: context.visitor.actor)
                } catch StoreError.invalidRecord(let issues) {
                    return ["": RecordCheck.describe(issues)]
                }
                return [:]
            })
    }
}

/// The partner city's liaison's list of the activities it entered.
struct ContributionsView {
    struct Entry {
        let title: String
        let entered: String
        let enteredBy: String
        let status: String
    }

    let heading: String
    let saved: String?
    let newEntry: String
    let back: String
    let hasEntries: Bool
    let entries: [Entry]
}
