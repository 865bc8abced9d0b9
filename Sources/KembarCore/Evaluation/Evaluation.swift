/// The evaluation of a record as of a date, under a policy.
public struct Evaluation: Hashable, Sendable {
    public var asOf: CalendarDay
    public var policy: EvaluationPolicy
    public var partnerships: [PartnershipEvaluation]

    public init(asOf: CalendarDay, policy: EvaluationPolicy, partnerships: [PartnershipEvaluation]) {
        self.asOf = asOf
        self.policy = policy
        self.partnerships = partnerships
    }
}

/// One partnership's verdicts, the vacuums in its history, its obligations' occurrences and its alarms.
public struct PartnershipEvaluation: Hashable, Sendable {
    public var id: String
    public var elements: [KeyElement: ElementVerdict]
    public var vacuums: [VacuumPeriod]
    /// Days since the last recorded activity could have ended (nil: no dated activity or agreement).
    public var currentSilenceDays: Int?
    public var obligations: [ObligationOccurrence]
    public var alarms: [Alarm]
    /// What went each way in the window R1 to R3 judge.
    public var reciprocity: ReciprocityFlows
    /// The partnership's areas, agreed and worked in, as its page lists them.
    public var areas: [AreaCoverage]

    /// The alarms about the partnership itself, as its page lists them and the portfolio counts
    /// them: not the office's load, which is the government's and said once for all.
    public var partnershipAlarms: [Alarm] { alarms.filter { $0.kind != .officeOverloaded } }

    /// The alarm about the office's load, when there is one.
    public var officeAlarm: Alarm? { alarms.first { $0.kind == .officeOverloaded } }
}

/// The verdict on one key element.
public struct ElementVerdict: Hashable, Sendable {
    public var status: ElementStatus
    /// Weighted mean of the scores of the indicators that had data; nil when none had.
    public var score: Double?
    /// Share of the element's indicators that had data.
    public var coverage: Double
    public var indicators: [IndicatorResult]
    /// Set when the element's defining indicator held its status down.
    public var cap: Cap?
    /// The most recent assessment of this element by a person, shown beside the computed verdict.
    public var assessment: Assessment?

    public struct Cap: Hashable, Sendable {
        public var indicator: IndicatorID
        public var phrase: Phrase
        /// In English; other languages render `phrase`.
        public var reason: String { PhraseRenderer.english.render(phrase) }
    }
}

/// One indicator: its value, score, the threshold used, the records it was computed from, and why.
public struct IndicatorResult: Hashable, Sendable {
    public var id: IndicatorID
    /// Nil when the record holds nothing to compute it from ("no data", which is not zero).
    public var value: Double?
    public var score: Double?
    public var threshold: Double
    public var records: [String]
    /// Why, as phrases any language can render.
    public var phrases: [Phrase]

    /// The explanation in English, as the JSON output and the command line give it.
    public var explanation: String { PhraseRenderer.english.render(phrases) }

    public init(
        id: IndicatorID, value: Double?, score: Double?, threshold: Double, records: [String], phrases: [Phrase]
    ) {
        self.id = id
        self.value = value
        self.score = score
        self.threshold = threshold
        self.records = records
        self.phrases = phrases
    }

    public var hasData: Bool { score != nil }

    /// Whether the value reached the threshold (for C5, the office's load, stayed at or under
    /// it); nil without data.
    public var isMet: Bool? {
        value.map { id.lowerIsBetter ? $0 <= threshold : $0 >= threshold }
    }

    static func noData(_ id: IndicatorID, threshold: Double, _ reason: Phrase) -> IndicatorResult {
        IndicatorResult(
            id: id, value: nil, score: nil, threshold: threshold, records: [],
            phrases: [Phrase("no-data", .phrase(reason))])
    }
}

/// A stretch with certainly no activity, longer than the dormancy threshold.
public struct VacuumPeriod: Hashable, Sendable {
    /// First silent day, written at the precision of the record it follows (`2011`).
    public var from: String
    /// Day the silence ended (exclusive), at the precision of the record that ended it; the
    /// evaluation date for a silence that still lasts.
    public var to: String
    public var days: Int
    /// True for the silence that still lasts on the evaluation date.
    public var ongoing: Bool

    public init(from: String, to: String, days: Int, ongoing: Bool) {
        self.from = from
        self.to = to
        self.days = days
        self.ongoing = ongoing
    }
}

/// One due date of an obligation and what became of it.
public struct ObligationOccurrence: Hashable, Sendable {
    public enum Status: String, Sendable {
        case met
        case missed
        /// The period has begun and is not over; nothing fulfils it yet.
        case due
    }

    public var obligation: String
    public var periodStart: CalendarDay
    public var due: CalendarDay
    public var status: Status
    public var fulfilledBy: [String]
    /// Where it was held, for obligations that alternate between the cities.
    public var host: Activity.Host?
    /// The same city hosted twice in a row where the obligation asks them to alternate.
    public var alternationBroken: Bool
}

/// Something to act on now.
public struct Alarm: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case dormant
        case obligationMissed = "obligation-missed"
        case obligationDue = "obligation-due"
        case agreementExpiring = "agreement-expiring"
        case agreementExpired = "agreement-expired"
        case areaNeverImplemented = "area-never-implemented"
        case oneWayBenefits = "one-way-benefits"
        case noPublicTrace = "no-public-trace"
        case undocumentedResults = "undocumented-results"
        case officeOverloaded = "office-overloaded"
    }

    public var kind: Kind
    /// When the condition began, at the precision the record allows.
    public var since: String?
    /// When something falls due (obligations, agreement expiry).
    public var due: String?
    public var phrases: [Phrase]
    public var records: [String]

    /// The message in English; other languages render `phrases`.
    public var message: String { PhraseRenderer.english.render(phrases) }
}
