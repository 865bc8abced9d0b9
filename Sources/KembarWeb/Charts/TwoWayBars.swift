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
        var body = ""
        body +=
            "<text class=\"side\" x=\"\(n(Self.center - 8))\" y=\"14\" text-anchor=\"end\">← \(HTMLText.escape(homeName))</text>"
        body += "<text class=\"side\" x=\"\(n(Self.center + 8))\" y=\"14\">\(HTMLText.escape(partnerName)) →</text>"
        for group in groups where !group.rows.isEmpty {
            y += 14
            body += "<text class=\"group\" x=\"0\" y=\"\(n(y))\">\(HTMLText.escape(group.heading))</text>"
            y += 6
            let largest = max(group.rows.map { max($0.home, $0.partner) }.max() ?? 0, 1)
            for row in group.rows {
                let homeWidth = row.home / largest * Self.reach
                let partnerWidth = row.partner / largest * Self.reach
                body += "<text class=\"label\" x=\"8\" y=\"\(n(y + 15))\">\(HTMLText.escape(row.label))</text>"
                body +=
                    "<rect class=\"home\" x=\"\(n(Self.center - homeWidth))\" y=\"\(n(y + 4))\" width=\"\(n(homeWidth))\" height=\"14\"><title>\(HTMLText.escape("\(homeName): \(row.homeText)"))</title></rect>"
                body +=
                    "<rect class=\"partner\" x=\"\(n(Self.center))\" y=\"\(n(y + 4))\" width=\"\(n(partnerWidth))\" height=\"14\"><title>\(HTMLText.escape("\(partnerName): \(row.partnerText)"))</title></rect>"
                body +=
                    "<text class=\"value\" x=\"\(n(Self.center - homeWidth - 4))\" y=\"\(n(y + 15))\" text-anchor=\"end\">\(HTMLText.escape(row.homeText))</text>"
                body +=
                    "<text class=\"value\" x=\"\(n(Self.center + partnerWidth + 4))\" y=\"\(n(y + 15))\">\(HTMLText.escape(row.partnerText))</text>"
                y += rowHeight
            }
        }
        let height = y + 8
        return
            "<svg class=\"two-way\" viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-description\">"
            + "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title><desc id=\"\(id)-description\">\(HTMLText.escape(description))</desc>"
            + "<line class=\"axis\" x1=\"\(n(Self.center))\" y1=\"20\" x2=\"\(n(Self.center))\" y2=\"\(n(height - 4))\"/>"
            + body + "</svg>"
    }

    /// The bars for a phone: drawn at about the width of its screen, so that the text keeps its
    /// size, with each row's name on a line of its own, its figures under it either side of the
    /// centre line, and its bars under those.
    func narrowSVG() -> String {
        let width = 320.0
        let center = width / 2
        let reach = center - 4
        var y = 18.0
        var body =
            "<text class=\"side\" x=\"\(n(center - 6))\" y=\"\(n(y))\" text-anchor=\"end\">← \(HTMLText.escape(homeName))</text>"
            + "<text class=\"side\" x=\"\(n(center + 6))\" y=\"\(n(y))\">\(HTMLText.escape(partnerName)) →</text>"
        for group in groups where !group.rows.isEmpty {
            y += 26
            body += "<text class=\"group\" x=\"0\" y=\"\(n(y))\">\(HTMLText.escape(group.heading))</text>"
            let largest = max(group.rows.map { max($0.home, $0.partner) }.max() ?? 0, 1)
            for row in group.rows {
                let homeWidth = row.home / largest * reach
                let partnerWidth = row.partner / largest * reach
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
                body +=
                    "<rect class=\"home\" x=\"\(n(center - homeWidth))\" y=\"\(n(y + 5))\" width=\"\(n(homeWidth))\" height=\"12\"><title>\(HTMLText.escape("\(homeName): \(row.homeText)"))</title></rect>"
                body +=
                    "<rect class=\"partner\" x=\"\(n(center))\" y=\"\(n(y + 5))\" width=\"\(n(partnerWidth))\" height=\"12\"><title>\(HTMLText.escape("\(partnerName): \(row.partnerText)"))</title></rect>"
                y += 17
            }
        }
        let height = y + 8
        let id = self.id + "-narrow"
        return
            "<svg class=\"two-way narrow\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-description\">"
            + "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title><desc id=\"\(id)-description\">\(HTMLText.escape(description))</desc>"
            + body + "</svg>"
    }

    private func n(_ value: Double) -> String { HTMLText.number(value) }
}
