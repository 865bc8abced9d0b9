/// One area of a partnership as its page lists it: agreed or only worked in, how many activities
/// served it and when the last did, and whether the area-never-implemented alarm names it —
/// decided here once, under the evaluation's policy, so that page and alarm cannot disagree.
public struct AreaCoverage: Hashable, Sendable {
    /// The area's vocabulary id.
    public var area: String
    /// Whether an agreement names it; otherwise only activities have served it.
    public var agreed: Bool
    /// Activities that had happened by the evaluation date and served it.
    public var activities: Int
    /// When the latest of them began.
    public var lastActivity: PartialDate?
    /// For an area the area-never-implemented alarm names, when the agreement it judges was
    /// signed: an area with activities before that day was served once, but not under it.
    public var neverImplementedSince: PartialDate?

    public var neverImplemented: Bool { neverImplementedSince != nil }

    /// The agreed areas in the agreements' order, then the others in the activities' order.
    static func all(_ facts: PartnershipFacts) -> [AreaCoverage] {
        var order: [String] = []
        var agreed: Set<String> = []
        for area in facts.partnership.agreements.flatMap(\.areas) where agreed.insert(area).inserted {
            order.append(area)
        }
        var counts: [String: Int] = [:]
        var last: [String: PartialDate] = [:]
        for entry in facts.activities {
            let activity = facts.record(entry)
            for area in Set(activity.areas) {
                if counts[area] == nil, !agreed.contains(area) { order.append(area) }
                counts[area, default: 0] += 1
                if last[area].map({ $0.span.upperBound < activity.start.span.upperBound }) ?? true {
                    last[area] = activity.start
                }
            }
        }
        let alarm = neverImplemented(facts)
        let never = Set(alarm?.areas ?? [])
        return order.map { area in
            AreaCoverage(
                area: area, agreed: agreed.contains(area), activities: counts[area] ?? 0, lastActivity: last[area],
                neverImplementedSince: never.contains(area) ? alarm?.agreement.signed : nil)
        }
    }

    /// The current agreement's areas that no activity has served since it was signed, once it has
    /// had as long as the dormancy threshold to reach them; the policy's catch-all areas ("other
    /// areas both agree on") need no activity of their own.
    static func neverImplemented(_ facts: PartnershipFacts) -> (agreement: Agreement, areas: [String])? {
        guard let agreement = facts.currentAgreement else { return nil }
        let signed = agreement.signed.span.lowerBound
        guard facts.asOf - signed >= facts.policy.dormancyDays else { return nil }
        var touched: Set<String> = []
        for entry in facts.activities where entry.span.midpoint >= signed {
            touched.formUnion(facts.record(entry).areas)
        }
        var seen: Set<String> = []
        let areas = agreement.areas.filter { area in
            !touched.contains(area) && !facts.policy.catchAllAreas.contains(area) && seen.insert(area).inserted
        }
        return (agreement, areas)
    }
}
