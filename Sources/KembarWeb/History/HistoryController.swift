import Foundation
import Hummingbird
import KembarCore
import KembarStore

/// A partnership's audit log, newest first: who changed what, when, with before and after.
/// Read-only: the application has no way to change or remove an entry.
struct HistoryController {
    let site: Site
    static let pageSize = 100

    func addRoutes(to table: inout RouteTable) {
        table.on(.history) { request, context in try await page(request, context) }
    }

    struct Line {
        let when: String
        let who: String
        let action: String
        let what: String
        let before: String?
        let after: String?
    }

    struct View {
        let heading: String
        let back: String
        let lines: [Line]
        let hasLines: Bool
        let newer: String?
        let older: String?
    }

    private func page(_ request: Request, _ context: KembarRequestContext) async throws -> HTMLPage {
        let organizationID = try context.organizationID
        let partnershipID = try context.partnershipID
        guard let stored = try await site.store.partnership(organizationID: organizationID, id: partnershipID) else {
            throw AccessDenied.notFound
        }
        let words = context.words
        let number = max(1, request.uri.queryParameters["page"].flatMap { Int(String($0)) } ?? 1)
        let entries = try await AuditLog.entries(
            in: site.database, organizationID: organizationID, partnershipID: partnershipID,
            limit: Self.pageSize + 1, offset: (number - 1) * Self.pageSize)
        let path = SitePath.history(organizationID, partnershipID)
        let view = View(
            heading: words.text(
                "history_title", ["name": "\(stored.organization.place.name) – \(stored.partnership.partner.name)"]),
            back: SitePath.partnership(organizationID, partnershipID),
            lines: entries.prefix(Self.pageSize).map { entry in
                Line(
                    when: entry.recordedAt.replacingOccurrences(of: "T", with: " "), who: words.actor(entry.actor),
                    action: words.text("history_action_\(entry.action)"), what: entry.summary, before: entry.before,
                    after: entry.after)
            },
            hasLines: !entries.isEmpty,
            newer: number > 1 ? path + "?page=\(number - 1)" : nil,
            older: entries.count > Self.pageSize ? path + "?page=\(number + 1)" : nil)
        return site.page("history", title: view.heading, model: view, words: words, request, context)
    }
}
