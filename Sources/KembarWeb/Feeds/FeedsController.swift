import Foundation
import Hummingbird
import KembarCore
import KembarStore

/// Feeds that other programs read: calendars (iCalendar) of obligations due, agreements running
/// out and activities to come, private behind a calendar token (a calendar program cannot sign
/// in, so the address carries the secret); the public's calendar of published activities; and
/// the partners as GeoJSON.
struct FeedsController {
    let site: Site

    func addRoutes(to table: inout RouteTable) {
        table.on(.calendarFeed) { request, context in
            try await privateCalendar(request, context, partnershipID: nil)
        }
        table.on(.partnershipCalendarFeed) { request, context in
            try await privateCalendar(
                request, context, partnershipID: try context.partnershipID)
        }
        table.on(.publicCalendar) { request, context in
            try await publicCalendar(request, context)
        }
        table.on(.publicPartners) { request, context in
            try await partners(request, context)
        }
    }

    private func privateCalendar(
        _ request: Request, _ context: KembarRequestContext, partnershipID: String?
    ) async throws -> Response {
        let organizationID = try context.organizationID
        // An unknown, revoked or disabled token is told nothing exists here, as are records
        // the token's owner may not read.
        guard
            let account = try await site.personalTokens.account(
                secret: try context.parameters.require("token"), purpose: .calendar),
            account.covers(organizationID)
        else { return Self.notFound }
        guard let (record, snapshot) = try await site.record(organizationID) else { return Self.notFound }
        let partnerships: [Partnership]
        if let partnershipID {
            guard account.canRead(organizationID: organizationID, partnershipID: partnershipID),
                let partnership = record.partnerships.first(where: { $0.id == partnershipID })
            else { return Self.notFound }
            partnerships = [partnership]
        } else {
            guard account.readsWholePortfolio else { return Self.notFound }
            partnerships = record.partnerships
        }
        let words = context.words
        let name =
            partnerships.count == 1 && partnershipID != nil
            ? "\(record.organization.place.name) – \(partnerships[0].partner.name)" : record.organization.name
        let base = site.security.baseURL(of: request)
        let calendar = CalendarText.calendar(
            name: words.text("calendar_name", ["name": name]),
            entries: CalendarFeed.entries(partnerships, today: snapshot.day, policy: snapshot.policy),
            organization: record.organization, partnerships: partnerships, today: snapshot.day, words: words
        ) { entry in base + SitePath.partnership(organizationID, entry.partnershipID) }
        return Self.calendarResponse(calendar, cache: "private, max-age=3600")
    }

    private func publicCalendar(_ request: Request, _ context: KembarRequestContext) async throws -> Response {
        let organizationID = try context.organizationID
        guard let (record, snapshot) = try await site.record(organizationID) else { return Self.notFound }
        let words = context.words
        let base = site.security.baseURL(of: request)
        let calendar = CalendarText.calendar(
            name: words.text("calendar_public_name", ["name": record.organization.name]),
            entries: CalendarFeed.entries(
                record.partnerships, today: snapshot.day, policy: snapshot.policy, activities: \.isPublic,
                obligations: false),
            organization: record.organization, partnerships: record.partnerships, today: snapshot.day, words: words
        ) { entry in base + SitePath.publicPartnership(organizationID, entry.partnershipID) }
        return Self.calendarResponse(calendar, cache: "public, max-age=3600")
    }

    private func partners(_ request: Request, _ context: KembarRequestContext) async throws -> Response {
        let organizationID = try context.organizationID
        guard let (record, _) = try await site.record(organizationID) else { return Self.notFound }
        let base = site.security.baseURL(of: request)
        let document = PartnersGeoJSON.document(record) { base + SitePath.publicPartnership(organizationID, $0) }
        return Response(
            status: .ok,
            headers: [.contentType: "application/geo+json", .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(bytes: JSONWriter.bytes(document))))
    }

    private static func calendarResponse(_ calendar: ICalendar, cache: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: cache],
            body: .init(byteBuffer: ByteBuffer(string: calendar.text)))
    }

    /// A feed reader gets a plain answer, not a page meant for people.
    private static var notFound: Response {
        Response(
            status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: "No such feed.\n")))
    }
}
