/// C1–C5: the staff, effort, time and money each side puts in (UNDP key element 1).
enum CommitmentIndicators {
    static func all(_ context: IndicatorContext) -> [IndicatorResult] {
        [obligationFulfilment(context), continuity(context), resources(context), leadership(context), office(context)]
    }

    /// C1: occurrences of obligations due in the window that were met.
    static func obligationFulfilment(_ context: IndicatorContext) -> IndicatorResult {
        let facts = context.facts
        guard !facts.partnership.obligations.isEmpty else {
            return context.noData(.c1, "the agreements create no obligations that fall due")
        }
        let settled = context.occurrences.filter { $0.status != .due }
        let inWindow = context.occurrences.filter { $0.status != .due && $0.due >= facts.windowStart }
        guard !inWindow.isEmpty else {
            return context.noData(.c1, "no obligation fell due in \(context.windowText)")
        }
        let met = inWindow.filter { $0.status == .met }.count
        let obligationIDs = Set(inWindow.map(\.obligation))
        let obligations = facts.partnership.obligations.filter { obligationIDs.contains($0.id) }.sorted {
            $0.id < $1.id
        }
        // The whole history of the same obligations, for perspective.
        let history = settled.filter { obligationIDs.contains($0.obligation) }
        let historyMet = history.filter { $0.status == .met }.count
        let subject =
            obligations.count == 1 ? "occurrences of “\(obligations[0].title)”" : "obligation occurrences"
        let firstYear = history.map(\.periodStart).min().map { String($0.components.year) } ?? ""
        var explanation =
            "\(met) of \(inWindow.count) \(subject) due in \(context.windowText) were met (\(historyMet) of \(history.count) since \(firstYear))"
        let hosted = inWindow.compactMap(\.host)
        if !hosted.isEmpty {
            explanation +=
                "; hosted by \(context.homeName) \(hosted.filter { $0 == .home }.count), by \(context.partnerName) \(hosted.filter { $0 == .partner }.count)"
            let broken = inWindow.filter(\.alternationBroken).count
            if broken > 0 { explanation += ", the same city hosting twice in a row \(plural(broken, "time"))" }
        }
        let records = obligations.map(\.id) + inWindow.flatMap(\.fulfilledBy)
        return context.ratioResult(.c1, numerator: met, denominator: inWindow.count, records: records, explanation)
    }

    /// C2: calendar years with activity since the first agreement.
    static func continuity(_ context: IndicatorContext) -> IndicatorResult {
        let facts = context.facts
        if facts.isYoungerThanDormancy {
            return context.noData(.c2, "the partnership is younger than \(facts.policy.dormancyDays) days")
        }
        guard let years = facts.yearsOfLife else { return context.noData(.c2, "no agreement or activity is dated") }
        let counted = facts.activities.filter { $0.span.startLatest.components.year >= years.lowerBound }
        let active = PartnershipFacts.activeYears(counted.map(\.span), within: years)
        let since =
            facts.firstAgreementDay != nil
            ? "the first agreement (\(years.lowerBound))" : "the first activity (\(years.lowerBound))"
        var explanation = "active in \(active) of \(years.count) calendar years since \(since)"
        let closed = context.silence.vacuums.filter { !$0.ongoing }
        if !closed.isEmpty {
            explanation +=
                "; \(plural(closed.count, "vacuum")): "
                + closed.map { "\($0.from) to \($0.to), \($0.days) days" }.joined(separator: "; ")
        }
        if let days = context.silence.currentDays {
            explanation += "; silent for \(plural(days, "day")) now"
        }
        return context.ratioResult(
            .c2, numerator: active, denominator: years.count, records: counted.map(\.id), explanation)
    }

    /// C3: the share of the window's activities for which each side recorded resources.
    static func resources(_ context: IndicatorContext) -> IndicatorResult {
        let facts = context.facts
        guard facts.partnership.activities.contains(where: { !$0.costs.isEmpty }) else {
            return context.noData(.c3, "no money, staff-days or in-kind contribution is recorded")
        }
        let window = facts.windowActivities
        guard !window.isEmpty else { return context.noData(.c3, "no activity in \(context.windowText)") }
        var parts: [String] = []
        var shares: [Double] = []
        for side in Side.allCases {
            let resourced = window.filter { side == .home ? $0.homeResourced : $0.partnerResourced }
            shares.append(Double(resourced.count) / Double(window.count))
            var totals: [String: Double] = [:]
            for entry in window where entry.hasCosts {
                for cost in facts.record(entry).costs where cost.side == side {
                    totals[cost.kind == .money ? cost.currency : cost.kind.rawValue, default: 0] += cost.amount
                }
            }
            let amounts = totals.keys.sorted().map { "\(plain(totals[$0]!)) \($0)" }.joined(separator: ", ")
            parts.append(
                "\(context.name(of: side)) resourced \(resourced.count) of \(window.count)"
                    + (amounts.isEmpty ? "" : " (\(amounts))"))
        }
        let value = shares.reduce(0, +) / Double(shares.count)
        return IndicatorResult(
            id: .c3, value: value, score: min(1, value / facts.policy.target(.c3)),
            threshold: facts.policy.threshold(.c3), records: window.filter(\.hasCosts).map(\.id),
            explanation: parts.joined(separator: "; ") + " activities in \(context.windowText)")
    }

    /// C4: calendar years in which a mayor or senior official took part.
    static func leadership(_ context: IndicatorContext) -> IndicatorResult {
        let facts = context.facts
        if facts.isYoungerThanDormancy {
            return context.noData(.c4, "the partnership is younger than \(facts.policy.dormancyDays) days")
        }
        guard let years = facts.yearsOfLife else { return context.noData(.c4, "no agreement or activity is dated") }
        let led = facts.activities.filter { entry in
            entry.span.startLatest.components.year >= years.lowerBound && entry.withLeadership
        }
        let active = PartnershipFacts.activeYears(led.map(\.span), within: years)
        return context.ratioResult(
            .c4, numerator: active, denominator: years.count, records: led.map(\.id),
            "a mayor or senior official took part in \(active) of \(years.count) calendar years since \(years.lowerBound)"
        )
    }

    /// C5: partnerships per cooperation officer of the home government.
    static func office(_ context: IndicatorContext) -> IndicatorResult {
        let policy = context.policy
        guard let load = context.officeLoad, load.officers > 0 else {
            return context.noData(.c5, "the number of cooperation officers is not recorded")
        }
        let perOfficer = Double(load.partnerships) / Double(load.officers)
        let score =
            perOfficer <= policy.officeLoadFull
            ? 1
            : perOfficer >= policy.officeLoadZero
                ? 0 : (policy.officeLoadZero - perOfficer) / (policy.officeLoadZero - policy.officeLoadFull)
        return IndicatorResult(
            id: .c5, value: perOfficer, score: score, threshold: policy.threshold(.c5), records: [],
            explanation:
                "\(load.partnerships) partnerships for \(plural(load.officers, "cooperation officer")): \(plain(perOfficer)) per officer"
        )
    }
}
