/// One activity reduced, in a single pass, to what the indicators read: plain values, so that
/// the twenty-one indicators of a national record do not copy activities millions of times.
struct ActivityFacts: Sendable {
    /// Position in the partnership's `activities`, for the few indicators that read details.
    let index: Int
    let span: TimedSpan
    var id: String { span.id }
    let kind: Activity.Kind
    let host: Activity.Host?
    let initiator: Activity.Initiator?
    let isPublic: Bool
    let servesAgreedArea: Bool
    let fulfilsAnything: Bool
    let withLeadership: Bool
    let coPlannedByCommunity: Bool
    /// Community categories taking part, as bits of `CommunityIndicators.categories`.
    let homeCommunity: UInt8
    let partnerCommunity: UInt8
    let withHomePeople: Bool
    let withPartnerPeople: Bool
    let headcounted: Bool
    let homeHeadcount: Int
    let partnerHeadcount: Int
    let homeResourced: Bool
    let partnerResourced: Bool
    let hasCosts: Bool
    let hasBenefits: Bool
    let results: Int
    let evidencedResults: Int
    let directResults: Int
    let quantifiedResults: Int
    let plannedResults: Int
    let deliveredPlans: Int
    /// Results old enough to judge and marked either way, and those still in use.
    let judgedResults: Int
    let sustainedResults: Int

    init(
        _ activity: borrowing Activity, index: Int, span: TimedSpan, agreedAreas: Set<String>, sustainedBy: CalendarDay
    ) {
        self.index = index
        self.span = span
        kind = activity.kind
        host = activity.host
        initiator = activity.initiator
        isPublic = activity.isPublic
        servesAgreedArea = !agreedAreas.isEmpty && activity.areas.contains(where: agreedAreas.contains)
        fulfilsAnything = !activity.fulfils.isEmpty
        var leadership = false
        var planner = false
        var homeBits: UInt8 = 0
        var partnerBits: UInt8 = 0
        var homePeople = false
        var partnerPeople = false
        var counted = false
        var homeCount = 0
        var partnerCount = 0
        for participant in activity.participants {
            if participant.group == .leadership { leadership = true }
            if participant.role == .planner, participant.group.isCommunity { planner = true }
            let bit = CommunityIndicators.bit(participant.group)
            if participant.side == .home {
                homePeople = true
                homeBits |= bit
                homeCount += participant.count ?? 0
            } else {
                partnerPeople = true
                partnerBits |= bit
                partnerCount += participant.count ?? 0
            }
            if participant.count != nil { counted = true }
        }
        withLeadership = leadership
        coPlannedByCommunity = planner
        homeCommunity = homeBits
        partnerCommunity = partnerBits
        withHomePeople = homePeople
        withPartnerPeople = partnerPeople
        headcounted = counted
        homeHeadcount = homeCount
        partnerHeadcount = partnerCount
        (homeResourced, partnerResourced) = Self.resourced(activity.costs)
        hasCosts = !activity.costs.isEmpty
        hasBenefits = !activity.benefits.isEmpty
        let tally = ResultTally(activity.results, oldEnough: span.latest <= sustainedBy)
        results = activity.results.count
        evidencedResults = tally.evidenced
        directResults = tally.direct
        quantifiedResults = tally.quantified
        plannedResults = tally.planned
        deliveredPlans = tally.delivered
        judgedResults = tally.judged
        sustainedResults = tally.sustained
    }

    /// Whether each side bore any cost of the activity.
    private static func resourced(_ costs: [Cost]) -> (home: Bool, partner: Bool) {
        var home = false
        var partner = false
        for cost in costs where cost.amount > 0 {
            if cost.side == .home { home = true } else { partner = true }
        }
        return (home, partner)
    }

    /// An activity's results counted by what the results indicators ask of them; whether a result
    /// lasted is judged only of results old enough.
    private struct ResultTally {
        var evidenced = 0
        var direct = 0
        var quantified = 0
        var planned = 0
        var delivered = 0
        var judged = 0
        var sustained = 0

        init(_ results: [ActivityResult], oldEnough: Bool) {
            for result in results {
                if !result.evidence.isEmpty { evidenced += 1 }
                if result.directness == .direct { direct += 1 }
                if result.quantity != nil { quantified += 1 }
                if result.planned == true {
                    planned += 1
                    if result.delivered == true { delivered += 1 }
                }
                if oldEnough, let lasting = result.sustained {
                    judged += 1
                    if lasting { sustained += 1 }
                }
            }
        }
    }
}
