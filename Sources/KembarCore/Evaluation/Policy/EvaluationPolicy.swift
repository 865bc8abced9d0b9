/// Every number the evaluation depends on, in one place, with defaults documented (and sourced)
/// in docs/evaluation.md. An evaluation records the policy it used.
public struct EvaluationPolicy: Hashable, Sendable {
    /// Shown in every evaluation, so that a reader knows which rules produced it.
    public var name: String
    public var description: String?

    /// Rolling window, in years before the evaluation date, for the indicators that use one.
    public var windowYears: Int
    /// Silence longer than this is a vacuum; a partnership younger than this has no data for C2 and C4.
    public var dormancyDays: Int
    /// Element status bands on the 0…1 score.
    public var metFrom: Double
    public var partialFrom: Double
    /// Below this share of indicators with data, an element is `unknown`.
    public var minimumCoverage: Double

    /// Relative weight of each indicator within its element.
    public var weights: [IndicatorID: Double]
    /// The value of each indicator at which it reaches a full score (ratio and count indicators).
    public var targets: [IndicatorID: Double]
    /// The value under which (over which, for C5) an indicator is reported as a concern.
    public var thresholds: [IndicatorID: Double]

    /// C5: full score at or below this many partnerships per officer…
    public var officeLoadFull: Double
    /// …and zero at or above this many.
    public var officeLoadZero: Double
    /// The `office-overloaded` alarm sounds above this many partnerships per officer.
    public var officeLoadAlarm: Double

    /// Reciprocity scale on balance (1 − |a − b| ÷ (a + b)): at or below `reciprocityUnmetBalance`
    /// (3:1, balance 0.5) the score is unmet; at or above `reciprocityMetBalance` (3:2, 0.8) met.
    public var reciprocityUnmetBalance: Double
    public var reciprocityMetBalance: Double

    /// Days before an agreement's end at which `agreement-expiring` sounds, most distant first.
    public var agreementNoticeDays: [Int]
    /// Days before an obligation falls due at which `obligation-due` sounds.
    public var obligationNoticeDays: Int
    /// A one-off obligation without `until` falls due this many days after `from`.
    public var onceObligationGraceDays: Int
    /// A result can be judged sustained only this many days after its activity.
    public var sustainedAfterDays: Int
    /// Below this share of published activities in the window, `no-public-trace` sounds.
    public var publishedShareAlarm: Double
    /// Agreed areas that name "anything else both agree on" and need no activity of their own.
    public var catchAllAreas: [String]

    public init(
        name: String, description: String? = nil, windowYears: Int, dormancyDays: Int, metFrom: Double,
        partialFrom: Double, minimumCoverage: Double, weights: [IndicatorID: Double], targets: [IndicatorID: Double],
        thresholds: [IndicatorID: Double], officeLoadFull: Double, officeLoadZero: Double, officeLoadAlarm: Double,
        reciprocityUnmetBalance: Double, reciprocityMetBalance: Double, agreementNoticeDays: [Int],
        obligationNoticeDays: Int, onceObligationGraceDays: Int, sustainedAfterDays: Int, publishedShareAlarm: Double,
        catchAllAreas: [String]
    ) {
        self.name = name
        self.description = description
        self.windowYears = windowYears
        self.dormancyDays = dormancyDays
        self.metFrom = metFrom
        self.partialFrom = partialFrom
        self.minimumCoverage = minimumCoverage
        self.weights = weights
        self.targets = targets
        self.thresholds = thresholds
        self.officeLoadFull = officeLoadFull
        self.officeLoadZero = officeLoadZero
        self.officeLoadAlarm = officeLoadAlarm
        self.reciprocityUnmetBalance = reciprocityUnmetBalance
        self.reciprocityMetBalance = reciprocityMetBalance
        self.agreementNoticeDays = agreementNoticeDays
        self.obligationNoticeDays = obligationNoticeDays
        self.onceObligationGraceDays = onceObligationGraceDays
        self.sustainedAfterDays = sustainedAfterDays
        self.publishedShareAlarm = publishedShareAlarm
        self.catchAllAreas = catchAllAreas
    }

    /// The defaults of EVALUATION.md; docs/evaluation.md gives the source of each.
    public static let standard = EvaluationPolicy(
        name: "default",
        description:
            "Kembar's default policy: UNDP key elements as operationalised by Tjandradewi & Marcotullio (2009)",
        windowYears: 3, dormancyDays: 365, metFrom: 0.67, partialFrom: 0.34, minimumCoverage: 0.5,
        weights: Dictionary(uniqueKeysWithValues: IndicatorID.allCases.map { ($0, 1.0) }),
        targets: [
            .c1: 1, .c2: 1, .c3: 1, .c4: 0.5, .p1: 3, .p2: 0.5, .p3: 1, .u1: 1, .u2: 1, .u3: 1, .u4: 2, .t1: 1,
            .t2: 1, .t3: 0.5, .t4: 1, .t5: 1,
        ],
        thresholds: [
            .c1: 0.5, .c2: 0.5, .c3: 0.5, .c4: 0.34, .c5: 5, .p1: 2, .p2: 0.25, .p3: 0.5, .u1: 0.67, .u2: 0.67,
            .u3: 0.5, .u4: 1, .r1: 0.8, .r2: 0.8, .r3: 0.8, .r4: 0.8, .t1: 0.67, .t2: 0.5, .t3: 0.34, .t4: 0.8,
            .t5: 0.5,
        ],
        officeLoadFull: 3, officeLoadZero: 8, officeLoadAlarm: 5,
        reciprocityUnmetBalance: 0.5, reciprocityMetBalance: 0.8,
        agreementNoticeDays: [180, 90, 30], obligationNoticeDays: 90, onceObligationGraceDays: 365,
        sustainedAfterDays: 365, publishedShareAlarm: 0.5, catchAllAreas: ["other"])

    func weight(_ indicator: IndicatorID) -> Double { weights[indicator] ?? 1 }
    func target(_ indicator: IndicatorID) -> Double { targets[indicator] ?? 1 }
    func threshold(_ indicator: IndicatorID) -> Double { thresholds[indicator] ?? metFrom }

    /// The element status a score falls in.
    public func status(forScore score: Double) -> ElementStatus {
        score >= metFrom ? .met : score >= partialFrom ? .partial : .unmet
    }

    /// Reciprocity score of a balance in 0…1, linear through three anchors: at the unmet line just
    /// below the partial band (0.31 by default), at the met line just inside the met band (0.70),
    /// and 1 at perfect balance. So "3:1 or worse is unmet, 3:2 or better is met" holds whatever
    /// the bands.
    public func reciprocityScore(balance: Double) -> Double {
        let unmetScore = partialFrom * 0.9
        let metScore = metFrom + (1 - metFrom) * 0.1
        if balance <= reciprocityUnmetBalance {
            return reciprocityUnmetBalance == 0 ? unmetScore : balance / reciprocityUnmetBalance * unmetScore
        }
        if balance >= reciprocityMetBalance {
            guard reciprocityMetBalance < 1 else { return 1 }
            return metScore + (balance - reciprocityMetBalance) / (1 - reciprocityMetBalance) * (1 - metScore)
        }
        return unmetScore + (balance - reciprocityUnmetBalance) / (reciprocityMetBalance - reciprocityUnmetBalance)
            * (metScore - unmetScore)
    }
}
