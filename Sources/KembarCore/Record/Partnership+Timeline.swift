/// What a partnership's record says about where it stands on a day, read the same way by the
/// evaluation, the reports, the pages and the API.
extension Partnership {
    /// The latest stage reached by `day` (on the same day, the later stage in the path wins).
    public func latestStage(by day: CalendarDay) -> StageEvent? {
        stages.filter { $0.date.span.lowerBound <= day }
            .max { ($0.date.span.lowerBound, $0.stage.rawValue) < ($1.date.span.lowerBound, $1.stage.rawValue) }
    }

    /// Whether a termination or suspension stands on `day`.
    public func isClosed(on day: CalendarDay) -> Bool {
        latestStage(by: day).map { $0.stage == .termination || $0.stage == .suspension } ?? false
    }

    /// The activity that began last by `day`.
    public func lastActivity(by day: CalendarDay) -> Activity? {
        activities.filter { $0.start.span.lowerBound <= day }.max {
            $0.start.span.upperBound < $1.start.span.upperBound
        }
    }

    /// The first thing the record dates by `day`: the partnership's beginning as far as the record
    /// knows it (a stage, an agreement's signing or an activity), from which its age is counted.
    public func firstRecordedDate(by day: CalendarDay) -> PartialDate? {
        recordedDates.filter { $0.span.lowerBound <= day }.min { $0.span.lowerBound < $1.span.lowerBound }
    }

    /// Every date the record gives: stages, agreements' signing, activities' starts.
    public var recordedDates: [PartialDate] {
        stages.map(\.date) + agreements.map(\.signed) + activities.map(\.start)
    }
}
