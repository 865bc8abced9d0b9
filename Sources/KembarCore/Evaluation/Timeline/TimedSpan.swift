/// A record placed in time: the days it can have started and ended, honestly widened where the
/// record's date is only a year or a month, or a range.
struct TimedSpan: Sendable {
    let id: String
    /// First day it can have begun.
    let earliest: CalendarDay
    /// Last day it can have begun.
    let startLatest: CalendarDay
    /// Last day it can have ended (never after the evaluation date).
    let latest: CalendarDay
    /// Middle of the days it can have begun: where it counts when a window or period must hold it.
    let midpoint: CalendarDay
    let startPrecision: DatePoint.Precision
    let endPrecision: DatePoint.Precision

    init(id: String, start: PartialDate, end: PartialDate?, asOf: CalendarDay) {
        self.id = id
        let startSpan = start.span
        earliest = startSpan.lowerBound
        startLatest = startSpan.upperBound
        midpoint = CalendarDay(ordinal: (startSpan.lowerBound.ordinal + startSpan.upperBound.ordinal) / 2)
        let endDate = end ?? start
        latest = min(max(endDate.span.upperBound, startSpan.upperBound), max(asOf, earliest))
        startPrecision = start.startPoint.precision
        endPrecision = endDate.endPoint.precision
    }
}
