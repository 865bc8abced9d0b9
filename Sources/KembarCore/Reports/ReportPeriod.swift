/// The calendar year a report covers, and the day its judgements are made on.
public struct ReportPeriod: Hashable, Sendable {
    public let year: Int
    public let first: CalendarDay
    public let last: CalendarDay
    /// The last day of the year, or today while the year is still running: a report written in
    /// June says what stands in June, not what might stand in December.
    public let asOf: CalendarDay

    /// Nil for a year the calendar cannot hold, or one that has not begun by `today`.
    public init?(year: Int, today: CalendarDay) {
        guard (1...9999).contains(year), let first = CalendarDay(year: year, month: 1, day: 1),
            let last = CalendarDay(year: year, month: 12, day: 31), first <= today
        else { return nil }
        self.year = year
        self.first = first
        self.last = last
        asOf = min(last, today)
    }

    /// Whether a record's date falls (even partly) within the year.
    public func overlaps(_ span: ClosedRange<CalendarDay>) -> Bool {
        span.lowerBound <= last && span.upperBound >= first
    }

    /// Whether the year is over on the day of the report.
    public var isComplete: Bool { asOf == last }
}
