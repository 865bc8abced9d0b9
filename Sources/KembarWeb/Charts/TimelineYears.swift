import KembarCore

/// The partnership's history as a list by year, for screens too narrow for the drawing
/// (``TimelineChart``): the same stages, agreements, activities, silences and obligations met or
/// missed, each marked with the drawing's legend, in words a phone shows at full size.
struct TimelineYears {
    struct Entry {
        /// The legend's key class (`activity-key`), so that the list and the drawing agree.
        let key: String
        let text: String
        fileprivate let day: CalendarDay
        fileprivate let order: Int
    }

    struct Year {
        let year: String
        let entries: [Entry]
    }

    let partnership: Partnership
    let evaluation: PartnershipEvaluation?
    let words: Words

    func years() -> [Year] {
        let say = TimelineWords(words: words)
        var entries: [Entry] = []
        func add(_ key: String, _ day: CalendarDay, _ text: String, order: Int) {
            entries.append(Entry(key: key, text: text, day: day, order: order))
        }
        for stage in partnership.stages {
            add("stage-key", stage.date.span.lowerBound, say.stage(stage), order: 0)
        }
        for agreement in partnership.agreements {
            add("agreement-key", agreement.signed.span.lowerBound, say.agreement(agreement), order: 1)
        }
        for activity in partnership.activities {
            add("activity-key", activity.start.span.lowerBound, say.activity(activity), order: 2)
        }
        for vacuum in evaluation?.vacuums ?? [] {
            guard let start = try? PartialDate(parsing: vacuum.from).span.lowerBound else { continue }
            add("vacuum-key", start, say.vacuum(vacuum), order: 3)
        }
        let titles = Dictionary(
            partnership.obligations.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        for occurrence in evaluation?.obligations ?? [] where occurrence.status != .due {
            guard let title = titles[occurrence.obligation] else { continue }
            add(
                occurrence.status == .met ? "met-key" : "missed-key", occurrence.due,
                say.occurrence(occurrence, of: title), order: 4)
        }
        let byYear = Dictionary(grouping: entries) { $0.day.components.year }
        return byYear.keys.sorted().map { year in
            Year(
                year: String(year),
                entries: byYear[year, default: []].sorted { ($0.day, $0.order) < ($1.day, $1.order) })
        }
    }
}
