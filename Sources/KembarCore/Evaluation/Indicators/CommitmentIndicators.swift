/// C1–C5: the staff, effort, time and money each side puts in (UNDP key element 1).
enum CommitmentIndicators {
    static func all(_ context: IndicatorContext) -> [IndicatorResult] {
        [obligationFulfilment(context), continuity(context), resources(context), leadership(context), office(context)]
    }

    /// C1: occurrences of obligations due in the window that were met.
    static func obligationFulfilment(_ context: IndicatorContext) -> IndicatorResult {
        let facts = context.facts
        guard !facts.partnership.obligations.isEmpty else { return context.noData(.c1, Phrase("c1.none")) }
        let inWindow = context.occurrences.filter { $0.status != .due && $0.due >= facts.windowStart }
        guard !inWindow.isEmpty else { return context.noData(.c1, Phrase("c1.none-due", context.recentWindow)) }
        let met = inWindow.filter { $0.status == .met }.count
        let obligationIDs = Set(inWindow.map(\.obligation))
        let obligations = facts.partnership.obligations.filter { obligationIDs.contains($0.id) }.sorted {
            $0.id < $1.id
        }
        // The whole history of the same obligations, for perspective.
        let history = context.occurrences.filter { $0.status != .due && obligationIDs.contains($0.obligation) }
        let historyMet = history.filter { $0.status == .met }.count
        let firstYear = history.map(\.periodStart).min().map { String($0.components.year) } ?? ""
        var phrases =
            obligations.count == 1
            ? [
                Phrase(
                    "c1.met-one", .count(met), .count(inWindow.count), .text(obligations[0].title),
                    context.recentWindow,
                    .count(historyMet), .count(history.count), .date(firstYear))
            ]
            : [
                Phrase(
                    "c1.met-many", .count(met), .count(inWindow.count), context.recentWindow, .count(historyMet),
                    .count(history.count), .date(firstYear))
            ]
        let hosted = inWindow.compactMap(\.host)
        if !hosted.isEmpty {
            phrases.append(
                Phrase(
                    "c1.hosted", .text(context.homeName), .count(hosted.filter { $0 == .home }.count),
                    .text(context.partnerName), .count(hosted.filter { $0 == .partner }.count)))
            let broken = inWindow.filter { $0.alternationBroken }.count
            if broken > 0 { phrases.append(Phrase("c1.alternation-broken", .count(broken))) }
        }
        let records = obligations.map(\.id) + inWindow.flatMap(\.fulfilledBy)
        return IndicatorResult(
            id: .c1, value: Double(met) / Double(inWindow.count),
            score: min(1, Double(met) / Double(inWindow.count) / context.policy.target(.c1)),
            threshold: context.policy.threshold(.c1), records: records, phrases: phrases)
    }

    /// C2: calendar years with activity since the first agreement.
    static func continuity(_ context: IndicatorContext) -> IndicatorResult {
        let facts = context.facts
        if facts.isYoungerThanDormancy {
            return context.noData(.c2, Phrase("c2.young", .count(facts.policy.dormancyDays)))
        }
        guard let years = facts.yearsOfLife else { return context.noData(.c2, Phrase("c2.undated")) }
        let counted = facts.activities.filter { $0.span.startLatest.components.year >= years.lowerBound }
        let active = PartnershipFacts.activeYears(counted.map { $0.span }, within: years)
        var phrases = [
            Phrase(
                facts.firstAgreementDay != nil ? "c2.active-since-agreement" : "c2.active-since-activity",
                .count(active),
                .count(years.count), .date(String(years.lowerBound)))
        ]
        let closed = context.silence.vacuums.filter { !$0.ongoing }
        if !closed.isEmpty {
            phrases.append(
                Phrase(
                    "c2.vacuums", .count(closed.count),
                    .list(closed.map { .phrase(Phrase("c2.vacuum", .date($0.from), .date($0.to), .count($0.days))) })))
        }
        if let days = context.silence.currentDays { phrases.append(Phrase("c2.silent", .count(days))) }
        return IndicatorResult(
            id: .c2, value: Double(active) / Double(years.count),
            score: min(1, Double(active) / Double(years.count) / context.policy.target(.c2)),
            threshold: context.policy.threshold(.c2), records: counted.map { $0.id }, phrases: phrases)
    }

    /// C3: the share of the window's activities for which each side recorded resources.
    static func resources(_ context: IndicatorContext) -> IndicatorResult {
        let facts = context.facts
        guard facts.partnership.activities.contains(where: { !$0.costs.isEmpty }) else {
            return context.noData(.c3, Phrase("c3.none"))
        }
        let window = facts.windowActivities
        guard !window.isEmpty else { return context.noData(.c3, context.noWindowActivity) }
        var phrases: [Phrase] = []
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
            let amounts = totals.keys.sorted().map { unit -> PhraseArgument in
                .phrase(Phrase("amount", .number(totals[unit]!), unitArgument(unit)))
            }
            phrases.append(
                Phrase(
                    "c3.resourced", .text(context.name(of: side)), .count(resourced.count), .count(window.count),
                    context.activityWindow, parenthesized(amounts)))
        }
        return context.scaledResult(
            .c3, value: shares.reduce(0, +) / Double(shares.count),
            records: window.filter { $0.hasCosts }.map { $0.id },
            phrases)
    }

    /// A currency code is said as written; staff-days and in-kind are words of the vocabulary.
    static func unitArgument(_ unit: String) -> PhraseArgument {
        unit == Cost.Kind.staffDays.rawValue || unit == Cost.Kind.inKind.rawValue
            ? .term("cost.\(unit)", fallback: unit) : .text(unit)
    }

    /// C4: calendar years in which a mayor or senior official took part.
    static func leadership(_ context: IndicatorContext) -> IndicatorResult {
        let facts = context.facts
        if facts.isYoungerThanDormancy {
            return context.noData(.c4, Phrase("c2.young", .count(facts.policy.dormancyDays)))
        }
        guard let years = facts.yearsOfLife else { return context.noData(.c4, Phrase("c2.undated")) }
        let led = facts.activities.filter { entry in
            entry.span.startLatest.components.year >= years.lowerBound && entry.withLeadership
        }
        let active = PartnershipFacts.activeYears(led.map { $0.span }, within: years)
        return context.ratioResult(
            .c4, numerator: active, denominator: years.count, records: led.map { $0.id },
            Phrase("c4.leaders", .count(active), .count(years.count), .date(String(years.lowerBound))))
    }

    /// C5: partnerships per cooperation officer of the home government.
    static func office(_ context: IndicatorContext) -> IndicatorResult {
        let policy = context.policy
        guard let load = context.officeLoad, load.officers > 0 else { return context.noData(.c5, Phrase("c5.none")) }
        let perOfficer = Double(load.partnerships) / Double(load.officers)
        let score =
            perOfficer <= policy.officeLoadFull
            ? 1
            : perOfficer >= policy.officeLoadZero
                ? 0 : (policy.officeLoadZero - perOfficer) / (policy.officeLoadZero - policy.officeLoadFull)
        return IndicatorResult(
            id: .c5, value: perOfficer, score: score, threshold: policy.threshold(.c5), records: [],
            phrases: [Phrase("c5.load", .count(load.partnerships), .count(load.officers), .number(perOfficer))])
    }
}
