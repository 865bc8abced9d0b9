/// One government as the province and the ministry read it: how its partnerships stand on the
/// five elements, what is silent, missed or running out, and how loaded its office is.
public struct GovernmentSummary: Sendable {
    public var organization: Organization
    public var partnerships: Int
    /// For each element, how many partnerships are met, partial, unmet and unknown on it.
    public var elements: [KeyElement: [ElementStatus: Int]]
    public var dormant: Int
    /// Obligation occurrences missed whose due day lies in the year up to today.
    public var obligationsMissedThisYear: Int
    /// Agreements whose validity ends within ``expiryHorizonDays`` from today.
    public var agreementsExpiring: Int
    /// Partnerships per cooperation officer (the office's own count when it is larger).
    public var perOfficer: Double?
    /// The latest year in which the record dates an activity.
    public var latestActivityYear: Int?
    /// Each partnership's partner, where it is and how it stands, for the map.
    public var partners: [MappedPartner]

    /// How far ahead an agreement's end counts as coming.
    public static let expiryHorizonDays = 180

    /// Sums a government's record and its partnerships' evaluations as of `today`.
    public init(record: CooperationRecord, evaluations: [String: PartnershipEvaluation], today: CalendarDay) {
        organization = record.organization
        partnerships = record.partnerships.count
        var elements: [KeyElement: [ElementStatus: Int]] = [:]
        var dormant = 0
        var missed = 0
        var partners: [MappedPartner] = []
        let yearAgo = today.adding(days: -365)
        for partnership in record.partnerships {
            let evaluation = evaluations[partnership.id]
            partners.append(
                MappedPartner(
                    name: partnership.partner.name, country: partnership.partner.country,
                    coordinate: partnership.partner.coordinate,
                    health: evaluation.map(PartnershipHealth.init) ?? .unknown))
            guard let evaluation else { continue }
            for element in KeyElement.allCases {
                let status = evaluation.elements[element]?.status ?? .unknown
                elements[element, default: [:]][status, default: 0] += 1
            }
            if evaluation.alarms.contains(where: { $0.kind == .dormant }) { dormant += 1 }
            missed += evaluation.obligations.count { $0.status == .missed && $0.due > yearAgo && $0.due <= today }
        }
        self.elements = elements
        self.dormant = dormant
        self.partners = partners
        obligationsMissedThisYear = missed
        let horizon = today.adding(days: Self.expiryHorizonDays)
        agreementsExpiring = record.partnerships.flatMap(\.agreements).count { agreement in
            guard let end = agreement.validUntil?.latestDay else { return false }
            return end >= today && end <= horizon
        }
        perOfficer = organization.cooperationsPerOfficer(recorded: partnerships)
        latestActivityYear =
            record.partnerships.flatMap(\.activities).compactMap { $0.start.latestDay.map { $0.components.year } }
            .filter { $0 <= today.components.year }.max()
    }
}

/// The partner countries of several governments: how many partnerships each has, and how many
/// of them are dormant.
public struct CountrySummary: Hashable, Sendable {
    public var country: String
    public var partnerships: Int
    public var dormant: Int

    public var dormantShare: Double { partnerships == 0 ? 0 : Double(dormant) / Double(partnerships) }

    public init(country: String, partnerships: Int, dormant: Int) {
        self.country = country
        self.partnerships = partnerships
        self.dormant = dormant
    }

    public static func summarize(
        _ records: [CooperationRecord], evaluations: [String: [String: PartnershipEvaluation]]
    ) -> [CountrySummary] {
        var byCountry: [String: CountrySummary] = [:]
        for record in records {
            for partnership in record.partnerships {
                let country = partnership.partner.country
                var summary = byCountry[country] ?? CountrySummary(country: country, partnerships: 0, dormant: 0)
                summary.partnerships += 1
                if evaluations[record.organization.id]?[partnership.id]?.alarms.contains(where: { $0.kind == .dormant })
                    == true
                {
                    summary.dormant += 1
                }
                byCountry[country] = summary
            }
        }
        return byCountry.values.sorted { ($1.partnerships, $0.country) < ($0.partnerships, $1.country) }
    }
}

/// A partner as the national map draws it.
public struct MappedPartner: Hashable, Sendable {
    public var name: String
    /// ISO 3166-1 alpha-2.
    public var country: String
    public var coordinate: Coordinate?
    public var health: PartnershipHealth

    public init(name: String, country: String, coordinate: Coordinate?, health: PartnershipHealth) {
        self.name = name
        self.country = country
        self.coordinate = coordinate
        self.health = health
    }
}
