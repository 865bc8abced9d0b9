import KembarCore

/// Builds records for evaluation tests in a few readable lines.
public struct RecordBuilder {
    public var organization = Organization(
        id: "kota", name: "Pemerintah Kota Contoh", place: Place(name: "Contoh", country: "ID"), cooperationOfficers: 4,
        cooperationCount: 8)
    public var partnership = Partnership(
        id: "contoh-mitra", kind: .sisterCity, partner: Partner(name: "Mitra", country: "JP", kind: .city))

    public init() {}

    public var record: CooperationRecord {
        CooperationRecord(organization: organization, partnerships: [partnership])
    }

    public static func date(_ text: String) -> PartialDate {
        try! PartialDate(parsing: text)
    }

    public static func day(_ text: String) -> CalendarDay {
        CalendarDay(iso: text)!
    }

    @discardableResult
    public mutating func agreement(
        _ id: String = "mou", signed: String, until: String? = nil, areas: [String] = ["economy", "education-culture"],
        clauses: [String] = ["roles", "timeframe", "focal-points", "funding", "dispute-resolution", "review"],
        objectives: [String] = ["Cooperate for mutual benefit"], type: Agreement.Kind = .mou
    ) -> Self {
        partnership.agreements.append(
            Agreement(
                id: id, type: type, signed: Self.date(signed), validUntil: until.map(Self.date), areas: areas,
                objectives: objectives, clauses: clauses))
        return self
    }

    @discardableResult
    public mutating func yearlyMeeting(from: String, alternate: Bool = true, agreement: String = "mou") -> Self {
        partnership.obligations.append(
            Obligation(
                id: "meeting", agreement: agreement, title: "Joint committee meets yearly", every: .year,
                from: Self.date(from), alternateHost: alternate))
        return self
    }

    @discardableResult
    public mutating func activity(
        _ id: String, _ start: String, kind: Activity.Kind = .visit, areas: [String] = ["economy"],
        host: Activity.Host? = .home, initiator: Activity.Initiator? = .joint, fulfils: [String] = [],
        participants: [Participant] = [], costs: [Cost] = [], benefits: [Benefit] = [], results: [ActivityResult] = [],
        isPublic: Bool = true
    ) -> Self {
        partnership.activities.append(
            Activity(
                id: id, title: "Activity \(id)", start: Self.date(start), kind: kind, areas: areas, host: host,
                initiator: initiator, fulfils: fulfils, participants: participants, costs: costs, benefits: benefits,
                results: results, isPublic: isPublic))
        return self
    }

    @discardableResult
    public mutating func document(_ id: String) -> Self {
        partnership.documents.append(Document(id: id, title: "Document \(id)", kind: .report))
        return self
    }
}
