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
        if !facts.isClosed { alarms += publicTrace(context, elements) }
        alarms += undocumentedResults(context)
        alarms += office(context)
        return alarms
    }

    static func dormant(_ context: IndicatorContext) -> [Alarm] {
        guard let days = context.silence.currentDays, days > context.policy.dormancyDays else { return [] }
        let last = context.facts.activities.max { ($0.span.latest, $0.id) < ($1.span.latest, $1.id) }
        let lastTitle = last.map { context.facts.record($0).title }
        return [
            Alarm(
                kind: .dormant, since: context.silence.since, due: nil,
                message:
                    "no sign of life for \(days) days\(days >= 730 ? " (over \(days / 365) years)" : "") since \(context.silence.since ?? "?"); dormant after \(context.policy.dormancyDays) days"
                    + (lastTitle.map { "; last activity: \($0)" } ?? "; no activity is recorded"),
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
            if let first = missed.first {
                let every = missed.count == settled.count ? " (every time)" : ""
                var message =
                    "“\(obligation.title)” missed \(missed.count) of \(settled.count) times since \(first.periodStart.components.year)\(every); last missed \(missed.last!.due)"
                let broken = occurrences.filter(\.alternationBroken).count
                if broken > 0 { message += "; the same city hosted twice in a row \(plural(broken, "time"))" }
                alarms.append(
                    Alarm(
                        kind: .obligationMissed, since: first.due.description, due: nil, message: message,
                        records: [obligation.id]))
            }
            if !context.facts.isClosed, let open = occurrences.last, open.status == .due,
                open.due - asOf <= context.policy.obligationNoticeDays
            {
                alarms.append(
                    Alarm(
                        kind: .obligationDue, since: open.periodStart.description, due: open.due.description,
                        message: "“\(obligation.title)” falls due on \(open.due), in \(plural(open.due - asOf, "day"))",
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
            let others = facts.agreements.filter { UnderstandingIndicators.isInForce($0, on: facts.asOf) }
            guard others.isEmpty else { return [] }
            return [
                Alarm(
                    kind: .agreementExpired, since: end.adding(days: 1).description, due: nil,
                    message: "agreement \(agreement.id) ended on \(end); no agreement is in force",
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
                message:
                    "agreement \(agreement.id) ends on \(end), in \(plural(left, "day")) (within the \(notice)-day notice)",
                records: [agreement.id])
        ]
    }

    static func areas(_ context: IndicatorContext) -> [Alarm] {
        let facts = context.facts
        guard let agreement = facts.currentAgreement else { return [] }
        let signed = agreement.signed.span.lowerBound
        // An agreement younger than the dormancy threshold has not yet had time to reach every area.
        guard facts.asOf - signed >= facts.policy.dormancyDays else { return [] }
        var touched: Set<String> = []
        for entry in facts.activities where entry.span.midpoint >= signed {
            touched.formUnion(facts.record(entry).areas)
        }
        var seen: Set<String> = []
        return agreement.areas.filter { area in
            !touched.contains(area) && !facts.policy.catchAllAreas.contains(area) && seen.insert(area).inserted
        }.map { area in
            Alarm(
                kind: .areaNeverImplemented, since: agreement.signed.description, due: nil,
                message:
                    "agreed area “\(area)” has had no activity since agreement \(agreement.id) of \(agreement.signed)",
                records: [agreement.id])
        }
    }

    static func benefits(_ context: IndicatorContext, _ elements: [KeyElement: ElementVerdict]) -> [Alarm] {
        guard let r3 = elements[.reciprocity]?.indicators.first(where: { $0.id == .r3 }), let score = r3.score,
            context.policy.status(forScore: score) == .unmet
        else { return [] }
        return [
            Alarm(
                kind: .oneWayBenefits, since: context.facts.windowStart.description, due: nil,
                message: "benefits flow one way: " + r3.explanation, records: r3.records)
        ]
    }

    static func publicTrace(_ context: IndicatorContext, _ elements: [KeyElement: ElementVerdict]) -> [Alarm] {
        let window = context.facts.windowActivities
        guard !window.isEmpty else { return [] }
        let published = window.filter(\.isPublic).count
        let coPlanned = window.filter(\.coPlannedByCommunity).count
        var problems: [String] = []
        if Double(published) / Double(window.count) < context.policy.publishedShareAlarm {
            problems.append("\(published) of \(plural(window.count, "activity", "activities")) published")
        }
        if coPlanned == 0 {
            problems.append("no community actor helped plan any of \(plural(window.count, "activity", "activities"))")
        }
        guard !problems.isEmpty else { return [] }
        return [
            Alarm(
                kind: .noPublicTrace, since: context.facts.windowStart.description, due: nil,
                message: "in \(context.windowText): " + problems.joined(separator: "; "),
                records: window.filter { !$0.isPublic }.map(\.id))
        ]
    }

    static func undocumentedResults(_ context: IndicatorContext) -> [Alarm] {
        let activities = context.facts.activities
        let results = activities.reduce(0) { $0 + $1.results }
        let bare = activities.filter { $0.results > $0.evidencedResults }
        guard !bare.isEmpty else { return [] }
        let count = bare.reduce(0) { $0 + $1.results - $1.evidencedResults }
        let first = bare[0].span
        return [
            Alarm(
                kind: .undocumentedResults, since: first.earliest.text(precision: first.startPrecision), due: nil,
                message:
                    "\(count) of \(plural(results, "result")) have no evidence; a record of them may not survive the people who know them",
                records: bare.map(\.id).sorted())
        ]
    }

    static func office(_ context: IndicatorContext) -> [Alarm] {
        guard let load = context.officeLoad, load.officers > 0 else { return [] }
        let perOfficer = Double(load.partnerships) / Double(load.officers)
        guard perOfficer > context.policy.officeLoadAlarm else { return [] }
        return [
            Alarm(
                kind: .officeOverloaded, since: nil, due: nil,
                message:
                    "\(load.partnerships) partnerships for \(plural(load.officers, "cooperation officer")): \(plain(perOfficer)) each, above \(plain(context.policy.officeLoadAlarm))",
                records: [])
        ]
    }
}
