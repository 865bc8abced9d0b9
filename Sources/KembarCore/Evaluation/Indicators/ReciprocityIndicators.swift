/// R1–R4: benefits and efforts flowing both ways (UNDP key element 4). Each is a balance,
/// 1 − |a − b| ÷ (a + b), scored so that 3:1 or worse is unmet and 3:2 or better is met.
enum ReciprocityIndicators {
    static func all(_ context: IndicatorContext) -> [IndicatorResult] {
        [visits(context), costs(context), benefits(context), initiative(context)]
    }

    /// R1: delegations received and sent, and their members where counted.
    static func visits(_ context: IndicatorContext) -> IndicatorResult {
        let flows = context.flows
        let received = flows.delegationsSent[.partner] ?? 0
        let sent = flows.delegationsSent[.home] ?? 0
        guard received + sent > 0 else { return context.noData(.r1, Phrase("r1.none", context.activityWindow)) }
        let visitors = flows.membersSent[.partner] ?? 0
        let travellers = flows.membersSent[.home] ?? 0
        var balances = [balance(Double(received), Double(sent))!]
        if let people = balance(Double(visitors), Double(travellers)) { balances.append(people) }
        var phrases = [
            Phrase(
                "r1.delegations", .text(context.homeName), .count(received), .count(sent), context.activityWindow)
        ]
        if visitors + travellers > 0 { phrases.append(Phrase("r1.visitors", .count(visitors), .count(travellers))) }
        return context.balanceResult(
            .r1, balance: balances.reduce(0, +) / Double(balances.count), records: flows.delegationRecords, phrases)
    }

    /// R2: each side's share of what the window's activities cost, per kind and currency.
    static func costs(_ context: IndicatorContext) -> IndicatorResult {
        let flows = context.flows
        let balances = flows.costs.compactMap { balance($0.home, $0.partner) }
        guard !balances.isEmpty else { return context.noData(.r2, Phrase("r2.none", context.activityWindow)) }
        let parts = flows.costs.map { line -> PhraseArgument in
            .phrase(
                Phrase(
                    "r2.unit", CommitmentIndicators.unitArgument(line.unit), .text(context.homeName),
                    .number(line.home), .text(context.partnerName), .number(line.partner)))
        }
        return context.balanceResult(
            .r2, balance: balances.reduce(0, +) / Double(balances.count), records: flows.costRecords,
            [Phrase("r2.costs", context.activityWindow, .list(parts))])
    }

    /// R3: benefit flows to each side, by kind (Bontenbal 2013: benefits differ in kind).
    static func benefits(_ context: IndicatorContext) -> IndicatorResult {
        let flows = context.flows
        let toHome = flows.benefitsToHome
        let toPartner = flows.benefitsToPartner
        guard let value = balance(Double(toHome), Double(toPartner)) else {
            return context.noData(.r3, Phrase("r3.none", context.activityWindow))
        }
        let byKind = { (side: Side) -> PhraseArgument in
            parenthesized(
                flows.benefits.compactMap { line in
                    let count = side == .home ? line.toHome : line.toPartner
                    return count > 0
                        ? .phrase(
                            Phrase(
                                "amount", .count(count),
                                .term("benefit.\(line.kind.rawValue)", fallback: line.kind.rawValue))) : nil
                })
        }
        return context.balanceResult(
            .r3, balance: value, records: flows.benefitRecords,
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
