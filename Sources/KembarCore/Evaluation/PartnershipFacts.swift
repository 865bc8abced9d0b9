/// What every indicator of one partnership needs, worked out once: the activities that had
/// happened by the evaluation date in a fixed order, those in the window, the agreements.
struct PartnershipFacts: Sendable {
    let partnership: Partnership
    let asOf: CalendarDay
    /// Start of the rolling window before the evaluation date (obligations, reviews).
    let windowStart: CalendarDay
    /// The window the activities are judged in: the rolling window, or, for a partnership silent
    /// for longer than the dormancy threshold, the same number of years up to its last activity —
    /// so that a dormant partnership is judged on how it worked when it last did, while its
    /// silence is judged by continuity (C2), its missed obligations (C1) and the dormancy alarm.
    let activityWindow: ClosedRange<CalendarDay>
    /// Whether `activityWindow` was moved back to the last activity.
    let activityWindowMoved: Bool
    let policy: EvaluationPolicy
    /// Activities that had happened by the evaluation date, ordered by time and id.
    let activities: [ActivityFacts]
    /// Those whose start lies in the rolling window.
    let windowActivities: [ActivityFacts]
    /// Agreements signed by the evaluation date, oldest first.
    let agreements: [Agreement]
    /// The agreement that governs now: the newest one signed and not superseded.
    let currentAgreement: Agreement?
    let firstAgreementDay: CalendarDay?
    /// Whether a termination or suspension stands on the evaluation date.
    let isClosed: Bool

    init(partnership: Partnership, asOf: CalendarDay, policy: EvaluationPolicy) {
        self.partnership = partnership
        self.asOf = asOf
        self.policy = policy
        let windowStart = asOf.adding(years: -policy.windowYears)
        self.windowStart = windowStart
        agreements = partnership.agreements
            .filter { $0.signed.span.lowerBound <= asOf }
            .sorted { ($0.signed.span.lowerBound, $0.id) < ($1.signed.span.lowerBound, $1.id) }
        let agreedAreas = Set(agreements.flatMap(\.areas))
        let sustainedBy = asOf.adding(days: -policy.sustainedAfterDays)
        var happened: [ActivityFacts] = []
        happened.reserveCapacity(partnership.activities.count)
        partnership.activities.withUnsafeBufferPointer { activities in
            for index in activities.indices {
                let span = TimedSpan(
                    id: activities[index].id, start: activities[index].start, end: activities[index].end, asOf: asOf)
                guard span.midpoint <= asOf else { continue }
                happened.append(
                    ActivityFacts(
                        activities[index], index: index, span: span, agreedAreas: agreedAreas, sustainedBy: sustainedBy)
                )
            }
        }
        happened.sort { ($0.span.earliest, $0.span.latest, $0.id) < ($1.span.earliest, $1.span.latest, $1.id) }
        activities = happened
        let lastActivity = happened.map(\.span.latest).max()
        if let lastActivity, asOf - lastActivity > policy.dormancyDays {
            activityWindow = lastActivity.adding(years: -policy.windowYears)...lastActivity
            activityWindowMoved = true
        } else {
            activityWindow = windowStart...asOf
            activityWindowMoved = false
        }
        let window = activityWindow
        windowActivities = happened.filter { window.contains($0.span.midpoint) }
        let superseded = Set(agreements.compactMap(\.supersedes))
        currentAgreement = agreements.last { !superseded.contains($0.id) }
        firstAgreementDay = agreements.first?.signed.span.lowerBound
        isClosed = partnership.isClosed(on: asOf)
    }

    /// The window the activities are judged in, said as it is: "the last 5 years", or "the 5
    /// years up to" the last activity.
    var activityWindowPhrase: Phrase {
        activityWindowMoved
            ? Phrase("window.until", .count(policy.windowYears), .date(activityWindow.upperBound.description))
            : Phrase("window.last", .count(policy.windowYears))
    }

    /// The full activity behind a digest, for the few details digests do not carry.
    func record(_ facts: ActivityFacts) -> Activity {
        partnership.activities[facts.index]
    }

    /// Calendar years from the first agreement (or, without one, the first activity) to the
    /// evaluation date; nil when neither is dated.
    var yearsOfLife: ClosedRange<Int>? {
        guard let first = firstAgreementDay ?? activities.first?.span.earliest else { return nil }
        return first.components.year...asOf.components.year
    }

    /// Whether the partnership is too young for continuity to mean anything.
    var isYoungerThanDormancy: Bool {
        guard let first = firstAgreementDay ?? activities.first?.span.earliest else { return false }
        return asOf - first < policy.dormancyDays
    }

    /// The smallest number of calendar years (within `years`) that the given activities certainly
    /// cover: a year-certain activity marks its year; one whose year is uncertain adds a year only
    /// when none of the years it may fall in is already marked.
    static func activeYears(_ spans: [TimedSpan], within years: ClosedRange<Int>) -> Int {
        var marked: Set<Int> = []
        var uncertain: [ClosedRange<Int>] = []
        for span in spans {
            let first = max(span.earliest.components.year, years.lowerBound)
            let last = min(span.startLatest.components.year, years.upperBound)
            guard first <= last else { continue }
            if first == last { marked.insert(first) } else { uncertain.append(first...last) }
        }
        // Greedy cover: take uncertain ranges by their end, marking the last year when none is marked.
        for range in uncertain.sorted(by: { ($0.upperBound, $0.lowerBound) < ($1.upperBound, $1.lowerBound) })
        where !range.contains(where: marked.contains) {
            marked.insert(range.upperBound)
        }
        return marked.count
    }
}
