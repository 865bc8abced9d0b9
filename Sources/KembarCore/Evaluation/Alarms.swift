/// The health alarms of a partnership: things to act on now, derived from dates and records.
enum Alarms {
    static func all(_ context: IndicatorContext, elements: [KeyElement: ElementVerdict]) -> [Alarm] {
        let facts = context.facts
        var alarms: [Alarm] = []
        if !facts.isClosed { alarms += dormant(context) }
        alarms += obligations(context)
        alarms += agreements(context)
        if !facts.isClosed { alarms += areas(context) }
        alarms += benefits(context, elements)
        if !facts.isClosed { alarms += publicTrace(context) }
        alarms += undocumentedResults(context)
        alarms += office(context)
        return alarms
    }

    static func dormant(_ context: IndicatorContext) -> [Alarm] {
        guard let days = context.silence.currentDays, days > context.policy.dormancyDays,
            let since = context.silence.since
        else { return [] }
        let last = context.facts.activities.max { ($0.span.latest, $0.id) < ($1.span.latest, $1.id) }
        let years: PhraseArgument = days >= 730 ? .phrase(Phrase("alarm.over-years", .count(days / 365))) : .empty
        return [
            Alarm(
                kind: .dormant, since: since, due: nil,
                phrases: [
                    Phrase("alarm.dormant", .count(days), years, .date(since), .count(context.policy.dormancyDays)),
                    last.map { Phrase("alarm.last-activity", .text(context.facts.record($0).title)) }
                        ?? Phrase("alarm.no-activity"),
                ],
                records: last.map { [$0.id] } ?? [])
        ]
    }

    static func obligations(_ context: IndicatorContext) -> [Alarm] {
        var alarms: [Alarm] = []
        let asOf = context.facts.asOf
        for obligation in context.facts.partnership.obligations.sorted(by: { $0.id < $1.id }) {
            let occurrences = context.occurrences.filter { $0.obligation == obligation.id }
            let missed = occurrences.filter { $0.status == .missed }
            let settled = occurrences.filter { $0.status != .due }
            if let first = missed.first, let last = missed.last {
                var phrases = [
                    Phrase(
                        "alarm.obligation-missed", .text(obligation.title), .count(missed.count), .count(settled.count),
                        .date(String(first.periodStart.components.year)), .date(last.due.description))
                ]
                if missed.count == settled.count { phrases.append(Phrase("alarm.every-time")) }
                let broken = occurrences.filter { $0.alternationBroken }.count
                if broken > 0 { phrases.append(Phrase("alarm.alternation", .count(broken))) }
                alarms.append(
                    Alarm(
                        kind: .obligationMissed, since: first.due.description, due: nil, phrases: phrases,
                        records: [obligation.id]))
            }
            if !context.facts.isClosed, let open = occurrences.last, open.status == .due,
                open.due - asOf <= context.policy.obligationNoticeDays
            {
                alarms.append(
                    Alarm(
                        kind: .obligationDue, since: open.periodStart.description, due: open.due.description,
                        phrases: [
                            Phrase(
                                "alarm.obligation-due", .text(obligation.title), .date(open.due.description),
                                .count(open.due - asOf))
                        ],
                        records: [obligation.id]))
            }
        }
        return alarms
    }

    static func agreements(_ context: IndicatorContext) -> [Alarm] {
        let facts = context.facts
        guard let agreement = facts.currentAgreement, let until = agreement.validUntil else { return [] }
        let end = until.span.upperBound
        let left = end - facts.asOf
        if left < 0 {
            guard !facts.agreements.contains(where: { UnderstandingIndicators.isInForce($0, on: facts.asOf) }) else {
                return []
            }
            return [
                Alarm(
                    kind: .agreementExpired, since: end.adding(days: 1).description, due: nil,
                    phrases: [
                        Phrase("alarm.agreement-expired", .record(.agreement, id: agreement.id), .date(end.description))
                    ],
                    records: [agreement.id])
            ]
        }
        guard !facts.isClosed, let notice = context.policy.agreementNoticeDays.sorted().first(where: { left <= $0 })
        else {
            return []
        }
        return [
            Alarm(
                kind: .agreementExpiring, since: end.adding(days: -notice).description, due: end.description,
                phrases: [
                    Phrase(
                        "alarm.agreement-expiring", .record(.agreement, id: agreement.id), .date(end.description),
                        .count(left),
                        .count(notice))
                ],
                records: [agreement.id])
        ]
    }

    static func areas(_ context: IndicatorContext) -> [Alarm] {
        guard let (agreement, areas) = AreaCoverage.neverImplemented(context.facts) else { return [] }
        return areas.map { area in
            Alarm(
                kind: .areaNeverImplemented, since: agreement.signed.description, due: nil,
                phrases: [
                    Phrase(
                        "alarm.area", .term("area.\(area)", fallback: area), .record(.agreement, id: agreement.id),
                        .date(agreement.signed.description))
                ],
                records: [agreement.id])
        }
    }

    static func benefits(_ context: IndicatorContext, _ elements: [KeyElement: ElementVerdict]) -> [Alarm] {
        guard let r3 = elements[.reciprocity]?.indicators.first(where: { $0.id == .r3 }), let score = r3.score,
            context.policy.status(forScore: score) == .unmet, let flows = r3.phrases.first
        else { return [] }
        return [
            Alarm(
                kind: .oneWayBenefits, since: context.facts.activityWindow.lowerBound.description, due: nil,
                phrases: [Phrase("alarm.one-way", .phrase(flows))], records: r3.records)
        ]
    }

    static func publicTrace(_ context: IndicatorContext) -> [Alarm] {
        let window = context.facts.windowActivities
        guard !window.isEmpty else { return [] }
        let published = window.filter { $0.isPublic }.count
        let coPlanned = window.filter { $0.coPlannedByCommunity }.count
        var problems: [PhraseArgument] = []
        if Double(published) / Double(window.count) < context.policy.publishedShareAlarm {
            problems.append(.phrase(Phrase("alarm.published", .count(published), .count(window.count))))
        }
        if coPlanned == 0 { problems.append(.phrase(Phrase("alarm.no-planners", .count(window.count)))) }
        guard !problems.isEmpty else { return [] }
        return [
            Alarm(
                kind: .noPublicTrace, since: context.facts.activityWindow.lowerBound.description, due: nil,
                phrases: [Phrase("alarm.public-trace", context.activityWindow, .list(problems))],
                records: window.filter { !$0.isPublic }.map { $0.id })
        ]
    }

    static func undocumentedResults(_ context: IndicatorContext) -> [Alarm] {
        let activities = context.facts.activities
        let results = activities.reduce(0) { $0 + $1.results }
        let bare = activities.filter { $0.results > $0.evidencedResults }
        guard let first = bare.first?.span else { return [] }
        let count = bare.reduce(0) { $0 + $1.results - $1.evidencedResults }
        return [
            Alarm(
                kind: .undocumentedResults, since: first.earliest.text(precision: first.startPrecision), due: nil,
                phrases: [Phrase("alarm.undocumented", .count(count), .count(results))],
                records: bare.map { $0.id }.sorted())
        ]
    }

    static func office(_ context: IndicatorContext) -> [Alarm] {
        guard let load = context.officeLoad, load.officers > 0 else { return [] }
        let perOfficer = Double(load.partnerships) / Double(load.officers)
        guard perOfficer > context.policy.officeLoadAlarm else { return [] }
        return [
            Alarm(
                kind: .officeOverloaded, since: nil, due: nil,
                phrases: [
                    Phrase(
                        "alarm.overloaded", .count(load.partnerships), .count(load.officers), .number(perOfficer),
                        .number(context.policy.officeLoadAlarm))
                ],
                records: [])
        ]
    }
}
