import Foundation
import KembarCore

/// The map drawn for a page: countries, the home cities, and a line to each partner.
struct MapView {
    struct Entry {
        let href: String
        let partner: String
        let country: String
        let health: String
        let healthClass: String
        let located: Bool
    }

    struct Legend {
        let label: String
        let healthClass: String
    }

    let svg: String
    let entries: [Entry]
    let legend: [Legend]
    let unlocated: String?
    /// The governments to choose from, when the account reads too many to draw at once.
    let governments: [GovernmentChoice.Link]
    let hasGovernments: Bool

    init(records snapshot: RecordView, map: WorldMap, governments: [GovernmentChoice.Link], words: Words) {
        self.governments = governments
        hasGovernments = !governments.isEmpty
        var entries: [Entry] = []
        var lines = ""
        var markers = ""
        var partnerCountries: Set<String> = []
        var unlocatedCount = 0
        for record in snapshot.records {
            let home = record.organization.place.coordinate.map {
                WorldMap.project(latitude: $0.latitude, longitude: $0.longitude)
            }
            if let home {
                markers +=
                    "<circle class=\"home\" cx=\"\(HTMLText.number(home.x))\" cy=\"\(HTMLText.number(home.y))\" r=\"5\"><title>\(HTMLText.escape(record.organization.name))</title></circle>"
            }
            for partnership in record.partnerships {
                partnerCountries.insert(partnership.partner.country)
                let health =
                    snapshot.evaluation(record.organization.id, partnership.id).map(PartnershipHealth.init) ?? .unknown
                let title =
                    "\(record.organization.place.name) – \(partnership.partner.name): \(words.term(health, "health"))"
                if let home, let coordinate = partnership.partner.coordinate {
                    let point = WorldMap.project(latitude: coordinate.latitude, longitude: coordinate.longitude)
                    lines += WorldMap.arc(from: home, to: point, css: "link health-\(health.rawValue)", title: title)
                    markers +=
                        "<circle class=\"partner health-\(health.rawValue)\" cx=\"\(HTMLText.number(point.x))\" cy=\"\(HTMLText.number(point.y))\" r=\"3.5\"><title>\(HTMLText.escape(title))</title></circle>"
                } else {
                    unlocatedCount += 1
                }
                entries.append(
                    Entry(
                        href: SitePath.partnership(record.organization.id, partnership.id),
                        partner: partnership.partner.name,
                        country: words.country(partnership.partner.country),
                        health: words.health(snapshot.evaluation(record.organization.id, partnership.id)).explained,
                        healthClass: "health-\(health.rawValue)", located: partnership.partner.coordinate != nil))
            }
        }
        svg = map.svg(
            title: words.text("map_title"),
            description: words.text("map_description", ["n": words.count(entries.count)]),
            highlighted: partnerCountries, overlay: lines + markers)
        self.entries = entries
        legend = PartnershipHealth.allCases.map {
            Legend(label: words.term($0, "health"), healthClass: "health-\($0.rawValue)")
        }
        unlocated = unlocatedCount > 0 ? words.text("map_unlocated", ["n": words.count(unlocatedCount)]) : nil
    }
}
