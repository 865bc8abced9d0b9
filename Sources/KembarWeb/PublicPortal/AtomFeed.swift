import Foundation
import KembarCore

/// An Atom feed (RFC 4287) of a government's public activities, newest first.
struct AtomFeed {
    let record: CooperationRecord
    /// The site's address as the reader reached it, for absolute links.
    let base: String

    func xml() -> String {
        let organizationID = record.organization.id
        let entries = record.partnerships.flatMap { partnership in
            partnership.activities.filter(\.isPublic).map { (partnership, $0) }
        }
        .sorted { ($0.1.start.span.upperBound, $0.1.id) > ($1.1.start.span.upperBound, $1.1.id) }
        let updated = entries.first.map { stamp($0.1.start.span.upperBound) } ?? "1970-01-01T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <id>\(escape(base + SitePath.publicOrganization(organizationID)))</id>
            <title>\(escape(record.organization.name))</title>
            <updated>\(updated)</updated>
            <link rel="self" href="\(escape(base + SitePath.publicFeed(organizationID)))"/>
            <link rel="alternate" type="text/html" href="\(escape(base + SitePath.publicOrganization(organizationID)))"/>
            <author><name>\(escape(record.organization.name))</name></author>

            """
        for (partnership, activity) in entries {
            let page = base + SitePath.publicPartnership(organizationID, partnership.id)
            xml += """
                <entry>
                <id>\(escape(page + "#" + SitePath.anchor("activity", activity.id)))</id>
                <title>\(escape(activity.title))</title>
                <updated>\(stamp(activity.start.span.upperBound))</updated>
                <link rel="alternate" type="text/html" href="\(escape(page))"/>
                <summary>\(escape("\(record.organization.place.name) – \(partnership.partner.name), \(activity.start.description)"))</summary>
                </entry>

                """
        }
        return xml + "</feed>\n"
    }

    private func stamp(_ day: CalendarDay) -> String {
        day.description + "T00:00:00Z"
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
