import Hummingbird
import KembarCore
import KembarStore

/// A partnership's page: its history, scorecard, areas, reciprocity and whole record.
struct PartnershipController {
    let site: Site

    func addRoutes(to table: inout RouteTable) {
        table.on(.partnership) { request, context in
            try await self.page(request, context)
        }
    }

    func page(_ request: Request, _ context: KembarRequestContext) async throws -> HTMLPage {
        let organizationID = try context.organizationID
        let partnershipID = try context.partnershipID
        let account = try context.account
        return try await site.cachedPage(request, context, organizations: [organizationID]) { words in
            guard let cached = try await site.partnership(organizationID, partnershipID) else {
                return site.notFound(request, context, words: words)
            }
            var access = PartnershipAccess(
                account: account, organizationID: organizationID, partnershipID: partnershipID)
            access.provenance = PartnershipAccess.provenance(
                try await AuditLog.entries(
                    in: site.database, organizationID: organizationID, partnershipID: partnershipID, action: "create",
                    limit: 10_000),
                words: words)
            if access.canEdit {
                access.pendingProposals = try await site.proposals.pendingCount(
                    organizationID: organizationID, partnershipID: partnershipID)
                access.pendingSubmissions = try await site.submissions.pendingCount(
                    organizationID: organizationID, partnershipID: partnershipID)
            }
            let view = PartnershipView(
                organization: cached.organization, partnership: cached.partnership, partnerID: cached.partnerID,
                evaluation: cached.evaluation, today: cached.day, policyName: cached.policy.name, words: words,
                saved: SavedNotice.message(of: request, words: words), access: access)
            return site.page(
                "partnership", title: view.title, model: view, words: words, request, context, attribution: true)
        }
    }
}

/// What a form just saved, for the notice on the page it returns to (`?saved=activity`).
enum SavedNotice: String {
    case partnership
    case partner
    case activity
    case agreement
    case obligation
    case stage
    case document
    case coding
    case assessment
    case code
    /// A coding removed: nothing was saved, but the page says what happened.
    case uncoded
    case documentRemoved = "document-removed"

    /// The notice a page's `saved` query asks for; nil when it names nothing a form saves.
    static func message(of request: Request, words: Words) -> String? {
        request.uri.queryParameters["saved"].map(String.init).flatMap(SavedNotice.init(rawValue:))?.message(words)
    }

    func message(_ words: Words) -> String {
        switch self {
        case .uncoded: words.text("coding_removed")
        case .documentRemoved: words.text("document_removed")
        default: words.text("saved_notice", ["what": words.text("saved_\(rawValue)")])
        }
    }
}
