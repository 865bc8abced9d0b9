import Foundation
import Hummingbird
import KembarCore

/// The public portal, open to all without signing in: each government's partnerships, and the
/// activities marked public — never anything else of the record.
struct PublicPortalController {
    let site: Site

    func addRoutes(to table: inout RouteTable) {
        table.on(.publicHome) { request, context in try await home(request, context) }
        table.on(.publicOrganization) { request, context in try await organization(request, context) }
        table.on(.publicPartnership) { request, context in
            try await partnership(request, context)
        }
        table.on(.publicFeed) { request, context in try await feed(request, context) }
    }

    private func home(_ request: Request, _ context: KembarRequestContext) async throws -> HTMLPage {
        // The list of governments changes with the deployment only.
        try await site.cachedPage(request, context, organizations: []) { words in
            let view = PublicView.Home(
                governments: try await site.organizations().map {
                    PublicView.Link(href: SitePath.publicOrganization($0.id), label: $0.name)
                })
            return site.page(
                "public-home", title: words.text("public_title"), model: view, words: words, request, context,
                section: .publicPortal)
        }
    }

    private func organization(_ request: Request, _ context: KembarRequestContext) async throws -> HTMLPage {
        let organizationID = try context.organizationID
        return try await site.cachedPage(request, context, organizations: [organizationID]) { words in
            guard let (record, view) = try await site.record(organizationID) else {
                return site.notFound(request, context, words: words)
            }
            let page = PublicView.Organization(record: record, today: view.day, words: words)
            return site.page(
                "public-organization", title: page.heading, model: page, words: words, request, context,
                section: .publicPortal, feed: page.feed)
        }
    }

    private func partnership(_ request: Request, _ context: KembarRequestContext) async throws -> HTMLPage {
        let organizationID = try context.organizationID
        let partnershipID = try context.partnershipID
        return try await site.cachedPage(request, context, organizations: [organizationID]) { words in
            guard let cached = try await site.partnership(organizationID, partnershipID) else {
                return site.notFound(request, context, words: words)
            }
            let view = PublicView.PartnershipPage(
                organization: cached.organization, partnership: cached.partnership, today: cached.day, words: words)
            return site.page(
                "public-partnership", title: view.heading, model: view, words: words, request, context,
                section: .publicPortal, attribution: true, feed: SitePath.publicFeed(organizationID))
        }
    }

    private func feed(_ request: Request, _ context: KembarRequestContext) async throws -> Response {
        let organizationID = try context.organizationID
        guard let (record, _) = try await site.record(organizationID) else { throw AccessDenied.notFound }
        let xml = AtomFeed(record: record, base: site.security.baseURL(of: request)).xml()
        return Response(
            status: .ok, headers: [.contentType: "application/atom+xml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: xml)))
    }
}
