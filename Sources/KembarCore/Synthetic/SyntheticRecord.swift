/// Builds large, realistic-looking cooperation records for tests and benchmarks.
///
/// Every value comes from a seeded generator, so the same parameters always give the same record.
/// Names are plainly synthetic ("Synthetic City 17") so that such data is never mistaken for fact.
public enum SyntheticRecord {
    public struct Parameters: Sendable {
        public var partnerships: Int
        public var activities: Int
        public var seed: UInt64
        public var organizationID: String
        public var organizationName: String
        public var level: Organization.Level?
        public var parent: String?
        public var regionCode: String?

        public init(
            partnerships: Int, activities: Int, seed: UInt64 = 2006, organizationID: String = "synthetic-government",
            organizationName: String = "Synthetic Government"
        ) {
            self.partnerships = partnerships
            self.activities = activities
            self.seed = seed
            self.organizationID = organizationID
            self.organizationName = organizationName
        }

        /// The parameters of the `number`-th government (from 1) of a synthetic nation: ids
        /// `gov-001`, `gov-002`, …, each with a seed of its own. As in Indonesia (38 provinces, 514
        /// regencies and cities), about one in fourteen is a province: the first ones, each with
        /// the cities and regencies that follow dealt to them in turn.
        public static func government(_ number: Int, of count: Int, partnerships: Int, activities: Int, seed: UInt64)
            -> Parameters
        {
            let provinces = provinceCount(of: count)
            var parameters = Parameters(
                partnerships: partnerships, activities: activities, seed: seed &+ UInt64(number),
                organizationID: id(number, of: count),
                organizationName: "Synthetic Government \(padded(number, of: count))")
            // A nation of one government has no provinces.
            if provinces == 0 { return parameters }
            if number <= provinces {
                parameters.level = .province
                parameters.regionCode = String(10 + number)
            } else {
                let province = (number - provinces - 1) % provinces + 1
                let place = (number - provinces - 1) / provinces + 1
                parameters.level = number.isMultiple(of: 2) ? .city : .regency
                parameters.parent = id(province, of: count)
                // Region codes have two digits per level; past 99 in a province the code is left out.
                parameters.regionCode = place <= 99 ? "\(10 + province).\(place < 10 ? "0" : "")\(place)" : nil
            }
            return parameters
        }

        /// How many of `count` synthetic governments are provinces.
        public static func provinceCount(of count: Int) -> Int {
            count < 2 ? 0 : min(89, max(1, (count + 13) / 14))
        }

        private static func id(_ number: Int, of count: Int) -> String { "gov-\(padded(number, of: count))" }

        private static func padded(_ number: Int, of count: Int) -> String {
            let digits = max(3, String(count).count)
            return String(repeating: "0", count: max(0, digits - String(number).count)) + String(number)
        }
    }

    static let areas = ["economy", "science-technology", "education-culture", "environment-urban", "health", "other"]
    static let clauses = ["roles", "timeframe", "focal-points", "funding", "dispute-resolution", "review"]

    public static func make(_ parameters: Parameters) -> CooperationRecord {
        var random = SeededGenerator(seed: parameters.seed)
        let countries = CountryCode.all.filter { $0 != "ID" }.sorted()
        let organization = Organization(
            id: parameters.organizationID, name: parameters.organizationName,
            place: Place(
                name: "Synthetic Home City", country: "ID", coordinate: Coordinate(latitude: -6.9, longitude: 107.6)),
            cooperationOfficers: max(1, parameters.partnerships / 8), cooperationCount: nil, level: parameters.level,
            parent: parameters.parent, regionCode: parameters.regionCode)
        var partnerships: [Partnership] = []
        partnerships.reserveCapacity(parameters.partnerships)
        let count = max(parameters.partnerships, 0)
        for index in 0..<count {
            // Spread activities evenly, giving the remainder to the first partnerships.
            let share = parameters.activities / max(count, 1) + (index < parameters.activities % max(count, 1) ? 1 : 0)
            partnerships.append(
                makePartnership(
                    index: index, activities: share, country: countries[index % countries.count], random: &random))
        }
        return CooperationRecord(organization: organization, partnerships: partnerships)
    }

    private static func makePartnership(
        index: Int, activities activityCount: Int, country: String, random: inout SeededGenerator
    ) -> Partnership {
        let signedYear = Int.random(in: 1970...2022, using: &random)
        let signed = PartialDate(
            DatePoint(
                year: signedYear, month: Int.random(in: 1...12, using: &random),
                day: Int.random(in: 1...28, using: &random))!)
        let expires = Bool.random(using: &random)
        let agreement = Agreement(
            id: "agreement-1", type: .mou, signed: signed, validFrom: signed,
            validUntil: expires
                ? PartialDate(DatePoint(year: signedYear + Int.random(in: 3...10, using: &random))) : nil,
            signatories: [
                Signatory(side: .home, name: "Home Mayor \(index)", title: "Mayor"),
                Signatory(side: .partner, name: "Partner Mayor \(index)", title: "Mayor"),
            ],
            areas: Array(areas.shuffled(using: &random).prefix(Int.random(in: 1...4, using: &random))),
            objectives: ["Cooperate for mutual benefit in the agreed areas"],
            clauses: Array(clauses.shuffled(using: &random).prefix(Int.random(in: 2...6, using: &random))))
        let obligation = Obligation(
            id: "yearly-meeting", agreement: agreement.id, title: "Joint committee meets yearly", every: .year,
            from: PartialDate(DatePoint(year: signedYear + 1)), alternateHost: true)
        let documents = (0..<2).map { number in
            Document(
                id: "document-\(number)", title: "Report \(number) of synthetic partnership \(index)", kind: .report,
                date: PartialDate(DatePoint(year: signedYear + number)), language: "en", source: "synthetic",
                text: "Synthetic report text \(number) for partnership \(index).")
        }
        var activities: [Activity] = []
        activities.reserveCapacity(activityCount)
        for number in 0..<activityCount {
            activities.append(makeActivity(number: number, after: signedYear, agreement: agreement, random: &random))
        }
        return Partnership(
            id: "partnership-\(index)", kind: index % 7 == 0 ? .institution : .sisterCity,
            partner: Partner(
                name: "Synthetic City \(index)", country: country, kind: index % 7 == 0 ? .institution : .city,
                coordinate: Coordinate(
                    latitude: Double(Int.random(in: -6000...7000, using: &random)) / 100,
                    longitude: Double(Int.random(in: -18000...18000, using: &random)) / 100)),
            stages: [
                StageEvent(
                    stage: .initiative, date: PartialDate(DatePoint(year: signedYear - 1)), note: "First contact"),
                StageEvent(stage: .signing, date: signed),
            ],
            agreements: [agreement], obligations: [obligation], activities: activities, documents: documents,
            assessments: [
                Assessment(
                    element: .mutualUnderstanding, status: .met, by: "Synthetic Evaluator", date: signed,
                    note: "The agreement is clear.",
                    evidence: [Evidence(document: "document-0", quote: "Synthetic report")])
            ])
    }

    private static func makeActivity(
        number: Int, after signedYear: Int, agreement: Agreement, random: inout SeededGenerator
    ) -> Activity {
        let year = min(signedYear + Int.random(in: 0...20, using: &random), 2026)
        let start: PartialDate
        switch Int.random(in: 0..<10, using: &random) {
        case 0: start = PartialDate(DatePoint(year: year))
        case 1, 2: start = PartialDate(DatePoint(year: year, month: Int.random(in: 1...12, using: &random))!)
        default:
            start = PartialDate(
                DatePoint(
                    year: year, month: Int.random(in: 1...12, using: &random),
                    day: Int.random(in: 1...28, using: &random))!)
        }
        let side: Side = Bool.random(using: &random) ? .home : .partner
        let groups = Participant.Group.allCases
        var participants = [
            Participant(side: .home, group: .government, role: .planner, count: Int.random(in: 1...5, using: &random))
        ]
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            participants.append(
                Participant(
                    side: Bool.random(using: &random) ? .home : .partner, group: groups.randomElement(using: &random)!,
                    role: Int.random(in: 0..<4, using: &random) == 0 ? .planner : .participant,
                    count: Int.random(in: 1...200, using: &random)))
        }
        let results: [ActivityResult] =
            Bool.random(using: &random)
            ? [
                ActivityResult(
                    kind: .outcome, directness: Bool.random(using: &random) ? .direct : .indirect,
                    description: "Result of activity \(number)", planned: true, delivered: Bool.random(using: &random),
                    quantity: Quantity(value: Double(Int.random(in: 1...500, using: &random)), unit: "people"),
                    evidence: Bool.random(using: &random) ? ["document-0"] : [], sustained: nil)
            ] : []
        return Activity(
            id: "activity-\(number)", title: "Synthetic activity \(number)", start: start,
            kind: Activity.Kind.allCases.randomElement(using: &random)!,
            areas: [agreement.areas.randomElement(using: &random)!],
            host: Activity.Host.allCases.randomElement(using: &random)!,
            initiator: Activity.Initiator.allCases.randomElement(using: &random)!,
            fulfils: Int.random(in: 0..<10, using: &random) == 0 ? ["yearly-meeting"] : [],
            participants: participants,
            costs: [
                Cost(
                    side: side, amount: Double(Int.random(in: 0...50_000, using: &random)) * 1000, currency: "IDR",
                    kind: .money)
            ],
            benefits: [
                Benefit(
                    to: side, kind: Benefit.Kind.allCases.randomElement(using: &random)!,
                    description: "Benefit \(number)")
            ],
            results: results, isPublic: Bool.random(using: &random),
            documents: Bool.random(using: &random) ? ["document-1"] : [])
    }
}
