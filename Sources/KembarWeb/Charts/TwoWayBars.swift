import Foundation

/// Two-way bars as SVG: for each row, what went to (or came from) the home city to the left of
/// the centre line and the partner to the right, so that an imbalance is seen at a glance.
struct TwoWayBars {
    struct Row {
        let label: String
        let home: Double
        let partner: Double
        let homeText: String
        let partnerText: String
    }

    struct Group {
        let heading: String
        let rows: [Row]
    }

    let id: String
    let title: String
    let description: String
    let homeName: String
    let partnerName: String
    let groups: [Group]

    static let width = 960.0
    static let labelWidth = 250.0
    static var center: Double { labelWidth + (width - labelWidth) / 2 }
    static var reach: Double { (width - labelWidth) / 2 - 60 }

    func svg() -> String {
        let rowHeight = 24.0
        var y = 24.0
        var body = sides(center: Self.center, gap: 8, y: 14)
        for group in groups where !group.rows.isEmpty {
            y += 14
            body += heading(group, y: y)
            y += 6
            let largest = Self.largest(group)
            for row in group.rows {
                let homeWidth = row.home / largest * Self.reach
                let partnerWidth = row.partner / largest * Self.reach
                body += "<text class=\"label\" x=\"8\" y=\"\(n(y + 15))\">\(HTMLText.escape(row.label))</text>"
                body += bars(
                    row, center: Self.center, homeWidth: homeWidth, partnerWidth: partnerWidth, y: y + 4, height: 14)
                body +=
                    "<text class=\"value\" x=\"\(n(Self.center - homeWidth - 4))\" y=\"\(n(y + 15))\" text-anchor=\"end\">\(HTMLText.escape(row.homeText))</text>"
                body +=
                    "<text class=\"value\" x=\"\(n(Self.center + partnerWidth + 4))\" y=\"\(n(y + 15))\">\(HTMLText.escape(row.partnerText))</text>"
                y += rowHeight
            }
        }
        let height = y + 8
        return drawing(
            id: id, className: "two-way", width: Self.width, height: height,
            body:
                "<line class=\"axis\" x1=\"\(n(Self.center))\" y1=\"20\" x2=\"\(n(Self.center))\" y2=\"\(n(height - 4))\"/>"
                + body)
    }

    /// The bars for a phone: drawn at about the width of its screen, so that the text keeps its
    /// size, with each row's name on a line of its own, its figures under it either side of the
    /// centre line, and its bars under those.
    func narrowSVG() -> String {
        let width = 320.0
        let center = width / 2
        let reach = center - 4
        var y = 18.0
        var body = sides(center: center, gap: 6, y: y)
        for group in groups where !group.rows.isEmpty {
            y += 26
            body += heading(group, y: y)
            let largest = Self.largest(group)
            for row in group.rows {
                y += 20
                body += "<text class=\"label\" x=\"0\" y=\"\(n(y))\">\(HTMLText.escape(row.label))</text>"
                y += 17
                // The centre line runs through each row's figures and bars, not across the headings.
                body +=
                    "<line class=\"axis\" x1=\"\(n(center))\" y1=\"\(n(y - 13))\" x2=\"\(n(center))\" y2=\"\(n(y + 19))\"/>"
                body +=
                    "<text class=\"value\" x=\"\(n(center - 6))\" y=\"\(n(y))\" text-anchor=\"end\">\(HTMLText.escape(row.homeText))</text>"
                body +=
                    "<text class=\"value\" x=\"\(n(center + 6))\" y=\"\(n(y))\">\(HTMLText.escape(row.partnerText))</text>"
                body += bars(
                    row, center: center, homeWidth: row.home / largest * reach,
                    partnerWidth: row.partner / largest * reach, y: y + 5, height: 12)
                y += 17
            }
        }
        return drawing(id: id + "-narrow", className: "two-way narrow", width: width, height: y + 8, body: body)
    }

    // MARK: - What both layouts draw

    /// A group's bars share one scale: its largest value reaches furthest.
    private static func largest(_ group: Group) -> Double {
        max(group.rows.map { max($0.home, $0.partner) }.max() ?? 0, 1)
    }

    /// The two cities' names either side of the centre line, each pointing its way.
    private func sides(center: Double, gap: Double, y: Double) -> String {
        "<text class=\"side\" x=\"\(n(center - gap))\" y=\"\(n(y))\" text-anchor=\"end\">← \(HTMLText.escape(homeName))</text>"
            + "<text class=\"side\" x=\"\(n(center + gap))\" y=\"\(n(y))\">\(HTMLText.escape(partnerName)) →</text>"
    }

    private func heading(_ group: Group, y: Double) -> String {
        "<text class=\"group\" x=\"0\" y=\"\(n(y))\">\(HTMLText.escape(group.heading))</text>"
    }

    /// A row's two bars from the centre line, each titled with its city and figure.
    private func bars(
        _ row: Row, center: Double, homeWidth: Double, partnerWidth: Double, y: Double, height: Double
    ) -> String {
        "<rect class=\"home\" x=\"\(n(center - homeWidth))\" y=\"\(n(y))\" width=\"\(n(homeWidth))\" height=\"\(n(height))\"><title>\(HTMLText.escape("\(homeName): \(row.homeText)"))</title></rect>"
            + "<rect class=\"partner\" x=\"\(n(center))\" y=\"\(n(y))\" width=\"\(n(partnerWidth))\" height=\"\(n(height))\"><title>\(HTMLText.escape("\(partnerName): \(row.partnerText)"))</title></rect>"
    }

    /// The drawing with its title and description for screen readers, under ids made of `id`.
    private func drawing(id: String, className: String, width: Double, height: Double, body: String) -> String {
        "<svg class=\"\(className)\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-description\">"
            + "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title><desc id=\"\(id)-description\">\(HTMLText.escape(description))</desc>"
            + body + "</svg>"
    }

    private func n(_ value: Double) -> String { HTMLText.number(value) }
}
