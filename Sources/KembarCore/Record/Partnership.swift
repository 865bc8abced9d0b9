/// One cooperation between the home government and a foreign partner, with its whole history.
public struct Partnership: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case sisterCity = "sister-city"
        case sisterProvince = "sister-province"
        case institution
        case foreignGovernment = "foreign-government"
        case other

        /// The Ministry of Home Affairs splits foreign cooperation into KSDPL (with a foreign local
        /// government) and KSDLL (with a foreign institution).
        public var isWithForeignLocalGovernment: Bool {
            self == .sisterCity || self == .sisterProvince
        }
    }

    public var id: String
    public var kind: Kind
    public var partner: Partner
    public var stages: [StageEvent]
    public var agreements: [Agreement]
    public var obligations: [Obligation]
    public var activities: [Activity]
    public var documents: [Document]
    public var assessments: [Assessment]

    public init(
        id: String, kind: Kind, partner: Partner, stages: [StageEvent] = [], agreements: [Agreement] = [],
        obligations: [Obligation] = [], activities: [Activity] = [], documents: [Document] = [],
        assessments: [Assessment] = []
    ) {
        self.id = id
        self.kind = kind
        self.partner = partner
        self.stages = stages
        self.agreements = agreements
        self.obligations = obligations
        self.activities = activities
        self.documents = documents
        self.assessments = assessments
    }
}

/// Which government a person, cost or benefit belongs to.
public enum Side: String, CaseIterable, Sendable {
    case home
    case partner
}
