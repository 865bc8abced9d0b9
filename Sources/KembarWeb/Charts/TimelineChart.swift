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
        let obligations = partnership.obligations.sorted { $0.id < $1.id }
        let frame = Frame(
            first: first, last: last,
            rows: Rows(agreements: partnership.agreements.count, obligations: obligations.count))
        let say = TimelineWords(words: words)
        let title = words.text(
            "timeline_title", ["from": String(frame.startYear), "to": String(frame.endYear - 1)])
        var svg =
            "<svg class=\"timeline\" viewBox=\"0 0 \(Int(Self.width)) \(Int(frame.rows.height))\" role=\"img\" aria-labelledby=\"timeline-title timeline-description\">"
        svg += "<title id=\"timeline-title\">\(HTMLText.escape(title))</title>"
        svg += "<desc id=\"timeline-description\">\(HTMLText.escape(description()))</desc>"
        svg += background(frame, say) + stagesRow(frame, say) + agreementsRow(frame, say) + activitiesRow(frame, say)
        svg += obligationRows(obligations, frame, say)
        let now = frame.x(today)
        svg +=
            "<line class=\"today\" x1=\"\(n(now))\" y1=\"0\" x2=\"\(n(now))\" y2=\"\(n(frame.rows.axis))\"><title>\(HTMLText.escape(words.text("timeline_today", ["date": words.day(today)])))</title></line>"
        return svg + "</svg>"
    }

    /// The drawing's years, from January of the first dated record's year to the end of the year
    /// of the last (or of today), and where a day falls across it.
    private struct Frame {
        let startYear: Int
        let endYear: Int
        let from: CalendarDay
        let last: CalendarDay
        let scale: Double
        let rows: Rows

        init(first: CalendarDay, last: CalendarDay, rows: Rows) {
            startYear = first.components.year
            endYear = last.components.year + 1
            from = CalendarDay(year: startYear, month: 1, day: 1)!
            let to = CalendarDay(year: endYear, month: 1, day: 1)!
            scale = (TimelineChart.width - TimelineChart.left - TimelineChart.right) / Double(max(to - from, 1))
            self.last = last
            self.rows = rows
        }

        func x(_ day: CalendarDay) -> Double { TimelineChart.left + Double(day - from) * scale }
    }

    /// Vacuums first, so that everything else is drawn over their shading; then the years.
    private func background(_ frame: Frame, _ say: TimelineWords) -> String {
        var svg = ""
        for vacuum in evaluation?.vacuums ?? [] {
            guard let start = try? PartialDate(parsing: vacuum.from).span.lowerBound,
                let end = try? PartialDate(parsing: vacuum.to).span.lowerBound
            else { continue }
            let label = say.vacuum(vacuum)
            svg +=
                "<rect class=\"vacuum\" x=\"\(n(frame.x(start)))\" y=\"0\" width=\"\(n(max(frame.x(end) - frame.x(start), 1)))\" height=\"\(n(frame.rows.axis))\"><title>\(HTMLText.escape(label))</title></rect>"
        }
        // Year ticks, thinned so that at most about a dozen are labelled.
        let step = max(1, (frame.endYear - frame.startYear + 11) / 12)
        for year in stride(from: frame.startYear, through: frame.endYear, by: 1) {
            let tick = frame.x(CalendarDay(year: year, month: 1, day: 1)!)
            svg += "<line class=\"tick\" x1=\"\(n(tick))\" y1=\"0\" x2=\"\(n(tick))\" y2=\"\(n(frame.rows.axis))\"/>"
            if (year - frame.startYear) % step == 0, year < frame.endYear {
                svg += "<text class=\"year\" x=\"\(n(tick + 2))\" y=\"\(n(frame.rows.axis + 14))\">\(year)</text>"
            }
        }
        return svg
    }

    private func stagesRow(_ frame: Frame, _ say: TimelineWords) -> String {
        var svg = ""
        svg += label(words.text("timeline_row_stages"), y: frame.rows.stages)
        for stage in partnership.stages {
            let center =
                frame.x(stage.date.span.lowerBound)
                + (frame.x(stage.date.span.upperBound) - frame.x(stage.date.span.lowerBound)) / 2
            let text = say.stage(stage)
            svg +=
                "<path class=\"stage\" d=\"M\(n(center)) \(n(frame.rows.stages - 6))l6 6-6 6-6-6z\"><title>\(HTMLText.escape(text))</title></path>"
        }
        return svg
    }

    private func agreementsRow(_ frame: Frame, _ say: TimelineWords) -> String {
        var svg = ""
        svg += label(words.text("timeline_row_agreements"), y: frame.rows.agreement(0))
        for (index, agreement) in partnership.agreements.enumerated() {
            let y = frame.rows.agreement(index)
            let start = (agreement.validFrom ?? agreement.signed).span.lowerBound
            let end = agreement.validUntil?.span.upperBound ?? frame.last
            let open = agreement.validUntil == nil ? " open" : ""
            let text = say.agreement(agreement)
            svg +=
                "<rect class=\"agreement\(open)\" x=\"\(n(frame.x(start)))\" y=\"\(n(y - 5))\" width=\"\(n(max(frame.x(end) - frame.x(start), 2)))\" height=\"10\"><title>\(HTMLText.escape(text))</title></rect>"
        }
        return svg
    }

    private func activitiesRow(_ frame: Frame, _ say: TimelineWords) -> String {
        var svg = ""
        svg += label(words.text("timeline_row_activities"), y: frame.rows.activities)
        for activity in partnership.activities {
            let span = activity.start.span
            let text = say.activity(activity)
            if span.upperBound - span.lowerBound > 31 {
                svg +=
                    "<line class=\"uncertain\" x1=\"\(n(frame.x(span.lowerBound)))\" y1=\"\(n(frame.rows.activities))\" x2=\"\(n(frame.x(span.upperBound)))\" y2=\"\(n(frame.rows.activities))\"><title>\(HTMLText.escape(text))</title></line>"
            }
            let center = frame.x(span.lowerBound) + (frame.x(span.upperBound) - frame.x(span.lowerBound)) / 2
            svg +=
                "<circle class=\"activity\" cx=\"\(n(center))\" cy=\"\(n(frame.rows.activities))\" r=\"5\"><title>\(HTMLText.escape(text))</title></circle>"
        }
        return svg
    }

    private func obligationRows(_ obligations: [Obligation], _ frame: Frame, _ say: TimelineWords) -> String {
        var svg = ""
        for (index, obligation) in obligations.enumerated() {
            let y = frame.rows.obligation(index)
            svg += label(obligation.title, y: y, limit: 60)
            for occurrence in evaluation?.obligations.filter({ $0.obligation == obligation.id }) ?? [] {
                let text = say.occurrence(occurrence, of: obligation.title)
                svg +=
                    "<rect class=\"occurrence \(occurrence.status.rawValue)\" x=\"\(n(frame.x(occurrence.due) - 4))\" y=\"\(n(y - 4))\" width=\"8\" height=\"8\"><title>\(HTMLText.escape(text))</title></rect>"
            }
        }
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
