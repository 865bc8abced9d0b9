import Foundation
import KembarCore

/// The partnership's history drawn as SVG: stages, agreements with their validity, activities,
/// vacuum periods shaded, and each obligation's occurrences met or missed. The page lists the same
/// records as text, and the drawing carries a title and a description for screen readers.
struct TimelineChart {
    let partnership: Partnership
    let evaluation: PartnershipEvaluation?
    let today: CalendarDay
    let words: Words

    static let width = 960.0
    static let left = 8.0
    static let right = 8.0

    func svg() -> String {
        let spans =
            partnership.stages.map(\.date.span) + partnership.agreements.map(\.signed.span)
            + partnership.activities.map(\.start.span)
        guard let first = spans.map(\.lowerBound).min() else { return "" }
        let last = max(today, spans.map(\.upperBound).max() ?? today)
        let startYear = first.components.year
        let endYear = last.components.year + 1
        let from = CalendarDay(year: startYear, month: 1, day: 1)!
        let to = CalendarDay(year: endYear, month: 1, day: 1)!
        let scale = (Self.width - Self.left - Self.right) / Double(max(to - from, 1))
        func x(_ day: CalendarDay) -> Double { Self.left + Double(day - from) * scale }
        let say = TimelineWords(words: words)
        let obligations = partnership.obligations.sorted { $0.id < $1.id }
        let rows = Rows(agreements: partnership.agreements.count, obligations: obligations.count)
        var svg = ""
        let title = words.text("timeline_title", ["from": String(startYear), "to": String(endYear - 1)])
        svg +=
            "<svg class=\"timeline\" viewBox=\"0 0 \(Int(Self.width)) \(Int(rows.height))\" role=\"img\" aria-labelledby=\"timeline-title timeline-description\">"
        svg += "<title id=\"timeline-title\">\(HTMLText.escape(title))</title>"
        svg += "<desc id=\"timeline-description\">\(HTMLText.escape(description()))</desc>"
        // Vacuums first, so that everything else is drawn over their shading.
        for vacuum in evaluation?.vacuums ?? [] {
            guard let start = try? PartialDate(parsing: vacuum.from).span.lowerBound,
                let end = try? PartialDate(parsing: vacuum.to).span.lowerBound
            else { continue }
            let label = say.vacuum(vacuum)
            svg +=
                "<rect class=\"vacuum\" x=\"\(n(x(start)))\" y=\"0\" width=\"\(n(max(x(end) - x(start), 1)))\" height=\"\(n(rows.axis))\"><title>\(HTMLText.escape(label))</title></rect>"
        }
        // Year ticks, thinned so that at most about a dozen are labelled.
        let step = max(1, (endYear - startYear + 11) / 12)
        for year in stride(from: startYear, through: endYear, by: 1) {
            let tick = x(CalendarDay(year: year, month: 1, day: 1)!)
            svg += "<line class=\"tick\" x1=\"\(n(tick))\" y1=\"0\" x2=\"\(n(tick))\" y2=\"\(n(rows.axis))\"/>"
            if (year - startYear) % step == 0, year < endYear {
                svg += "<text class=\"year\" x=\"\(n(tick + 2))\" y=\"\(n(rows.axis + 14))\">\(year)</text>"
            }
        }
        svg += label(words.text("timeline_row_stages"), y: rows.stages)
        for stage in partnership.stages {
            let center =
                x(stage.date.span.lowerBound) + (x(stage.date.span.upperBound) - x(stage.date.span.lowerBound)) / 2
            let text = say.stage(stage)
            svg +=
                "<path class=\"stage\" d=\"M\(n(center)) \(n(rows.stages - 6))l6 6-6 6-6-6z\"><title>\(HTMLText.escape(text))</title></path>"
        }
        svg += label(words.text("timeline_row_agreements"), y: rows.agreement(0))
        for (index, agreement) in partnership.agreements.enumerated() {
            let y = rows.agreement(index)
            let start = (agreement.validFrom ?? agreement.signed).span.lowerBound
            let end = agreement.validUntil?.span.upperBound ?? last
            let open = agreement.validUntil == nil ? " open" : ""
            let text = say.agreement(agreement)
            svg +=
                "<rect class=\"agreement\(open)\" x=\"\(n(x(start)))\" y=\"\(n(y - 5))\" width=\"\(n(max(x(end) - x(start), 2)))\" height=\"10\"><title>\(HTMLText.escape(text))</title></rect>"
        }
        svg += label(words.text("timeline_row_activities"), y: rows.activities)
        for activity in partnership.activities {
            let span = activity.start.span
            let text = say.activity(activity)
            if span.upperBound - span.lowerBound > 31 {
                svg +=
                    "<line class=\"uncertain\" x1=\"\(n(x(span.lowerBound)))\" y1=\"\(n(rows.activities))\" x2=\"\(n(x(span.upperBound)))\" y2=\"\(n(rows.activities))\"><title>\(HTMLText.escape(text))</title></line>"
            }
            let center = x(span.lowerBound) + (x(span.upperBound) - x(span.lowerBound)) / 2
            svg +=
                "<circle class=\"activity\" cx=\"\(n(center))\" cy=\"\(n(rows.activities))\" r=\"5\"><title>\(HTMLText.escape(text))</title></circle>"
        }
        for (index, obligation) in obligations.enumerated() {
            let y = rows.obligation(index)
            svg += label(obligation.title, y: y, limit: 60)
            for occurrence in evaluation?.obligations.filter({ $0.obligation == obligation.id }) ?? [] {
                let text = say.occurrence(occurrence, of: obligation.title)
                svg +=
                    "<rect class=\"occurrence \(occurrence.status.rawValue)\" x=\"\(n(x(occurrence.due) - 4))\" y=\"\(n(y - 4))\" width=\"8\" height=\"8\"><title>\(HTMLText.escape(text))</title></rect>"
            }
        }
        let now = x(today)
        svg +=
            "<line class=\"today\" x1=\"\(n(now))\" y1=\"0\" x2=\"\(n(now))\" y2=\"\(n(rows.axis))\"><title>\(HTMLText.escape(words.text("timeline_today", ["date": words.day(today)])))</title></line>"
        svg += "</svg>"
        return svg
    }

    /// What the drawing shows, in one paragraph, for people who cannot see it.
    func description() -> String {
        var parts = [
            words.text(
                "timeline_description",
                [
                    "stages": words.count(partnership.stages.count),
                    "agreements": words.count(partnership.agreements.count),
                    "activities": words.count(partnership.activities.count),
                ])
        ]
        let vacuums = evaluation?.vacuums ?? []
        if !vacuums.isEmpty {
            parts.append(
                words.text(
                    "timeline_vacuums",
                    [
                        "list": vacuums.map {
                            "\(words.date(text: $0.from)) – \(words.date(text: $0.to)) (\(words.duration(days: $0.days)))"
                        }.joined(separator: "; ")
                    ]))
        }
        for obligation in partnership.obligations.sorted(by: { $0.id < $1.id }) {
            let occurrences = evaluation?.obligations.filter { $0.obligation == obligation.id } ?? []
            let met = occurrences.filter { $0.status == .met }.count
            let missed = occurrences.filter { $0.status == .missed }.count
            parts.append(
                words.text(
                    "timeline_obligation",
                    ["title": obligation.title, "met": words.count(met), "missed": words.count(missed)]))
        }
        return parts.joined(separator: " ")
    }

    private func label(_ text: String, y: Double, limit: Int = 40) -> String {
        let short = text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
        return "<text class=\"row-label\" x=\"\(n(Self.left))\" y=\"\(n(y - 9))\">\(HTMLText.escape(short))</text>"
    }

    private func n(_ value: Double) -> String { HTMLText.number(value) }

    /// Vertical positions of the drawing's rows.
    struct Rows {
        let agreements: Int
        let obligations: Int
        let stages = 26.0
        func agreement(_ index: Int) -> Double { 66 + Double(index) * 16 }
        var activities: Double { agreement(max(agreements, 1) - 1) + 40 }
        func obligation(_ index: Int) -> Double { activities + 40 + Double(index) * 28 }
        var axis: Double { obligation(obligations) - 12 }
        var height: Double { axis + 22 }
    }
}
