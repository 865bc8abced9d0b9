import KembarCore

/// The overview's map: each government's lines to its partners in the colour of their health,
/// or, past ``OversightMap/lineLimit`` lines, one line per pair of countries as wide as the
/// partnerships between them.
struct OversightMapView {
    let svg: String
    let explanation: String
    /// The colours of health, when each line is one partnership.
    let legend: [MapView.Legend]
    let hasLegend: Bool
    let unlocated: String?

    init(_ map: OversightMap, world: WorldMap, words: Words) {
        switch map {
        case .partnerships(let lines, let unlocatedCount):
            explanation = words.text("overview_map_lines", ["n": words.count(lines.count)])
            svg = world.svg(
                title: words.text("overview_map_title"), description: explanation,
                highlighted: Set(lines.map(\.partner.country)), overlay: Self.partnershipLines(lines, words))
            legend = PartnershipHealth.allCases.map {
                MapView.Legend(label: words.term($0, "health"), healthClass: "health-\($0.rawValue)")
            }
            hasLegend = true
            unlocated =
                unlocatedCount > 0 ? words.text("map_unlocated", ["n": words.count(unlocatedCount)]) : nil
        case .countries(let lines):
            let widest = lines.map(\.partnerships).max() ?? 1
            explanation = words.text(
                "overview_map_summed",
                [
                    "limit": words.count(OversightMap.lineLimit), "n": words.count(lines.count),
                    "widest": words.count(widest),
                ])
            svg = world.svg(
                title: words.text("overview_map_title"), description: explanation,
                highlighted: Set(lines.map(\.to)), overlay: Self.countryLines(lines, widest: widest, world, words))
            legend = []
            hasLegend = false
            unlocated = nil
        }
    }

    /// A line from each government to each partner, and a dot at each government.
    private static func partnershipLines(_ lines: [OversightMap.PartnershipLine], _ words: Words) -> String {
        var overlay = ""
        var markers = ""
        var homes: Set<Coordinate> = []
        for line in lines {
            let from = WorldMap.project(latitude: line.from.latitude, longitude: line.from.longitude)
            let to = WorldMap.project(latitude: line.to.latitude, longitude: line.to.longitude)
            let title = "\(line.government) – \(line.partner.name): \(words.term(line.partner.health, "health"))"
            overlay += WorldMap.arc(
                from: from, to: to, css: "link health-\(line.partner.health.rawValue)", title: title)
            if homes.insert(line.from).inserted {
                markers +=
                    "<circle class=\"home\" cx=\"\(HTMLText.number(from.x))\" cy=\"\(HTMLText.number(from.y))\" r=\"3\"><title>\(HTMLText.escape(line.government))</title></circle>"
            }
        }
        return overlay + markers
    }

    /// A line between the centres of two countries, its width by the partnerships it carries.
    private static func countryLines(
        _ lines: [OversightMap.CountryLine], widest: Int, _ world: WorldMap, _ words: Words
    ) -> String {
        var overlay = ""
        for line in lines {
            guard let from = world.anchors[line.from], let to = world.anchors[line.to] else { continue }
            let title = words.text(
                "overview_map_country_line",
                [
                    "from": words.country(line.from), "to": words.country(line.to),
                    "n": words.count(line.partnerships), "critical": words.count(line.critical),
                ])
            // Width by area, not length: a line of four times the partnerships is twice as wide.
            let width = 0.8 + 7 * (Double(line.partnerships) / Double(widest)).squareRoot()
            overlay += WorldMap.arc(from: from, to: to, css: "flow", title: title, width: width)
        }
        return overlay
    }
}
