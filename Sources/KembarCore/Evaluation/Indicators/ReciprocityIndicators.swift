/// R1–R4: benefits and efforts flowing both ways (UNDP key element 4). Each is a balance,
/// 1 − |a − b| ÷ (a + b), scored so that 3:1 or worse is unmet and 3:2 or better is met.
enum ReciprocityIndicators {
    static func all(_ context: IndicatorContext) -> [IndicatorResult] {
        [visits(context), costs(context), benefits(context), initiative(context)]
    }

    static let delegationKinds: Set<Activity.Kind> = [.visit, .exchange, .study, .training, .meeting, .event]

    /// R1: delegations received and sent, and their members where counted.
    static func visits(_ context: IndicatorContext) -> IndicatorResult {
        var inbound: [ActivityFacts] = []
        var outbound: [ActivityFacts] = []
        for entry in context.facts.windowActivities where delegationKinds.contains(entry.kind) {
            if entry.host == .home, entry.withPartnerPeople {
                inbound.append(entry)
            } else if entry.host == .partner, entry.withHomePeople {
                outbound.append(entry)
            }
        }
        guard !inbound.isEmpty || !outbound.isEmpty else {
            return context.noData(.r1, Phrase("r1.none", context.activityWindow))
        }
        let received = inbound.reduce(0) { $0 + $1.partnerHeadcount }
        let sent = outbound.reduce(0) { $0 + $1.homeHeadcount }
        var balances = [balance(Double(inbound.count), Double(outbound.count))!]
        if let people = balance(Double(received), Double(sent)) { balances.append(people) }
        var phrases = [
            Phrase(
                "r1.delegations", .text(context.homeName), .count(inbound.count), .count(outbound.count),
                context.activityWindow)
        ]
        if received + sent > 0 { phrases.append(Phrase("r1.visitors", .count(received), .count(sent))) }
        return context.balanceResult(
            .r1, balance: balances.reduce(0, +) / Double(balances.count),
            records: (inbound + outbound).map { $0.id }.sorted(), phrases)
    }

    /// R2: each side's share of what the window's activities cost, per kind and currency.
    static func costs(_ context: IndicatorContext) -> IndicatorResult {
        let facts = context.facts
        var totals: [String: [Side: Double]] = [:]
        var records: [String] = []
        for entry in facts.windowActivities where entry.hasCosts {
            records.append(entry.id)
            for cost in facts.record(entry).costs {
                totals[cost.kind == .money ? cost.currency : cost.kind.rawValue, default: [:]][cost.side, default: 0] +=
                    cost.amount
            }
        }
        let units = totals.keys.sorted()
        let balances = units.compactMap { balance(totals[$0]?[.home] ?? 0, totals[$0]?[.partner] ?? 0) }
        guard !balances.isEmpty else { return context.noData(.r2, Phrase("r2.none", context.activityWindow)) }
        let parts = units.map { unit -> PhraseArgument in
            .phrase(
                Phrase(
                    "r2.unit", CommitmentIndicators.unitArgument(unit), .text(context.homeName),
                    .number(totals[unit]?[.home] ?? 0), .text(context.partnerName),
                    .number(totals[unit]?[.partner] ?? 0)))
        }
        return context.balanceResult(
            .r2, balance: balances.reduce(0, +) / Double(balances.count), records: records,
            [Phrase("r2.costs", context.activityWindow, .list(parts))])
    }

    /// R3: benefit flows to each side, by kind (Bontenbal 2013: benefits differ in kind).
    static func benefits(_ context: IndicatorContext) -> IndicatorResult {
        let facts = context.facts
        let kinds = Benefit.Kind.allCases
        var counts = [
            Side.home: [Int](repeating: 0, count: kinds.count), .partner: [Int](repeating: 0, count: kinds.count),
        ]
        var records: [String] = []
        for entry in facts.windowActivities where entry.hasBenefits {
            records.append(entry.id)
            for benefit in facts.record(entry).benefits {
                counts[benefit.to]![kinds.firstIndex(of: benefit.kind)!] += 1
            }
        }
        let toHome = counts[.home]!.reduce(0, +)
        let toPartner = counts[.partner]!.reduce(0, +)
        guard let value = balance(Double(toHome), Double(toPartner)) else {
            return context.noData(.r3, Phrase("r3.none", context.activityWindow))
        }
        let byKind = { (side: Side) -> PhraseArgument in
            parenthesized(
                kinds.indices.filter { counts[side]![$0] > 0 }.map { index in
                    .phrase(
                        Phrase(
                            "amount", .count(counts[side]![index]),
                            .term("benefit.\(kinds[index].rawValue)", fallback: kinds[index].rawValue)))
                })
        }
        return context.balanceResult(
            .r3, balance: value, records: records,
            [
                Phrase(
                    "r3.benefits", context.activityWindow, .count(toHome), .text(context.homeName), byKind(.home),
                    .count(toPartner), .text(context.partnerName), byKind(.partner))
            ])
    }

    /// R4: who starts and who hosts the work; a joint initiative counts half to each side.
    static func initiative(_ context: IndicatorContext) -> IndicatorResult {
        var initiated: [Side: Double] = [:]
        var hosted: [Side: Double] = [:]
        var records: [String] = []
        for entry in context.facts.windowActivities {
            switch entry.initiator {
            case .home: initiated[.home, default: 0] += 1
            case .partner: initiated[.partner, default: 0] += 1
            case .joint:
                initiated[.home, default: 0] += 0.5
                initiated[.partner, default: 0] += 0.5
            case nil: break
            }
            switch entry.host {
            case .home: hosted[.home, default: 0] += 1
            case .partner: hosted[.partner, default: 0] += 1
            default: break
            }
            if entry.initiator != nil || entry.host == .home || entry.host == .partner { records.append(entry.id) }
        }
        let balances = [
            balance(initiated[.home] ?? 0, initiated[.partner] ?? 0),
            balance(hosted[.home] ?? 0, hosted[.partner] ?? 0),
        ].compactMap { $0 }
        guard !balances.isEmpty else { return context.noData(.r4, Phrase("r4.none", context.activityWindow)) }
        return context.balanceResult(
            .r4, balance: balances.reduce(0, +) / Double(balances.count), records: records,
            [
                Phrase(
                    "r4.initiative", context.activityWindow, .text(context.homeName), .number(initiated[.home] ?? 0),
                    .number(hosted[.home] ?? 0), .text(context.partnerName), .number(initiated[.partner] ?? 0),
                    .number(hosted[.partner] ?? 0))
            ])
    }
}
