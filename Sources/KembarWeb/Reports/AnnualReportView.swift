import KembarCore

/// What the yearly report's document shows, said in one language (the Ministry reads Indonesian).
struct AnnualReportView {
    struct Summary {
        let label: String
        let value: String
    }

    struct Section {
        let number: String
        let heading: String
        let empty: String
        let cooperations: [Cooperation]
    }

    struct Cooperation {
        let number: String
        let heading: String
        let facts: [Summary]
        let agreements: [AgreementLine]
        let areas: [AreaLine]
        let activities: [ActivityLine]
        let obstacles: [String]
        let followUp: [String]
    }

    struct AgreementLine {
        let kind: String
        let signed: String
        let validity: String
        let standing: String
        let signatories: String
    }

    struct AreaLine {
        let name: String
        let served: Bool
    }

    struct ActivityLine {
        let dates: String
        let title: String
        let kind: String
        let place: String
        let participants: [String]
        let costs: [String]
        let results: [String]
    }

    let title: String
    let organizationName: String
    let asOf: String
    let summary: [Summary]
    let generalObstacles: [String]
    let sections: [Section]
    let generated: String

    init(_ report: AnnualReport, words: Words) {
        let home = report.organization.place.name
        let year = String(report.period.year)
        title = words.text("report_annual_title", ["year": year])
        organizationName = report.organization.name
        asOf = words.text(
            report.period.isComplete ? "report_as_of" : "report_as_of_running",
            ["date": words.day(report.period.asOf)])
        let costs = Self.costTotals(report.cooperations.flatMap(\.activities).flatMap(\.costs), words: words)
        summary =
            [
                Summary(
                    label: words.text("report_summary_ksdpl"), value: words.count(report.cooperations(.ksdpl).count)),
                Summary(
                    label: words.text("report_summary_ksdll"), value: words.count(report.cooperations(.ksdll).count)),
                Summary(
                    label: words.text("report_summary_activities", ["year": year]),
                    value: words.count(report.activityCount)),
                Summary(
                    label: words.text("report_summary_silent", ["year": year]),
                    value: words.count(report.cooperations.filter { $0.activities.isEmpty }.count)),
                Summary(
                    label: words.text("report_summary_obstacles"),
                    value: words.count(report.cooperations.reduce(0) { $0 + $1.obstacles.count })),
            ] + costs.map { Summary(label: words.text("report_summary_costs", ["side": $0.side]), value: $0.amounts) }
        generalObstacles = report.generalObstacles.map { words.say($0.phrases) }
        var counter = 0
        sections = ReportCategory.allCases.enumerated().map { index, category in
            Section(
                number: ["I", "II"][index], heading: words.term(category, "report-category"),
                empty: words.text("report_no_cooperations"),
                cooperations: report.cooperations(category).map { cooperation in
                    counter += 1
                    return Self.cooperation(cooperation, number: counter, home: home, year: year, words: words)
                })
        }
        generated = words.text("report_generated", ["date": words.day(report.period.asOf)])
    }

    private static func cooperation(
        _ cooperation: AnnualReport.Cooperation, number: Int, home: String, year: String, words: Words
    ) -> Cooperation {
        let partnership = cooperation.partnership
        let partner = partnership.partner
        let partnerName = partner.name
        var facts = [
            Summary(
                label: words.text("field_partnership_kind"), value: words.term(partnership.kind, "partnership-kind")),
            Summary(label: words.text("field_partner_kind"), value: words.term(partner.kind, "partner-kind")),
            Summary(label: words.text("field_country"), value: words.country(partner.country)),
        ]
        if let stage = cooperation.stage {
            facts.append(
                Summary(
                    label: words.text("report_stage"),
                    value: "\(words.term(stage.stage, "stage")) (\(words.date(stage.date)))"))
        }
        return Cooperation(
            number: "\(number).",
            heading: partnerName + (partner.nativeName.map { " (\($0))" } ?? ""),
            facts: facts,
            agreements: cooperation.agreements.map { standing in
                let agreement = standing.agreement
                let start = agreement.validFrom ?? agreement.signed
                return AgreementLine(
                    kind: words.term(agreement.type, "agreement-type"),
                    signed: words.date(agreement.signed),
                    validity: words.date(start) + " – "
                        + (agreement.validUntil.map(words.date) ?? words.text("no_end_date")),
                    standing: standing.supersededBy.map { id in
                        words.text(
                            "report_superseded_by",
                            ["id": partnership.agreements.first { $0.id == id }.map(words.agreement) ?? id])
                    }
                        ?? words.text(standing.inForce ? "report_in_force" : "report_not_in_force"),
                    signatories: agreement.signatories.map(words.signatory).joined(separator: "; "))
            },
            areas: cooperation.areas.map {
                AreaLine(name: words.term("area.\($0.area)", fallback: $0.area), served: $0.servedThisYear)
            },
            activities: cooperation.activities.map { activity in
                ActivityLine(
                    dates: words.dates(of: activity), title: activity.title,
                    kind: words.term(activity.kind, "activity-kind"),
                    place: words.host(activity.host, home: home, partner: partnerName),
                    participants: activity.participants.map { words.participant($0, home: home, partner: partnerName) },
                    costs: activity.costs.map { words.cost($0, home: home, partner: partnerName) },
                    results: activity.results.map(words.result))
            },
            obstacles: cooperation.obstacles.map { words.naming(partnership).say($0.phrases) },
            followUp: cooperation.followUp.map { followUp(of: $0, partnership: partnership, words: words) })
    }

    static func followUp(of item: FollowUp, partnership: Partnership, words: Words) -> String {
        switch item {
        case .obligationDue(let obligation, let due, let plannedBy):
            let planned = plannedBy.compactMap { id in partnership.activities.first { $0.id == id }?.title }
            return words.text(
                planned.isEmpty ? "report_follow_obligation" : "report_follow_obligation_planned",
                ["title": obligation.title, "date": words.day(due), "activities": planned.joined(separator: "; ")])
        case .agreementExpires(let agreement, let day):
            return words.text(
                "report_follow_agreement",
                [
                    "agreement": words.agreement(agreement),
                    "date": words.day(day),
                ])
        case .plannedActivity(let activity):
            return words.text(
                "report_follow_activity", ["title": activity.title, "date": words.dates(of: activity)])
        }
    }

    /// The year's costs per side, each currency or kind summed apart: "IDR 15.000.000; 3 hari kerja".
    static func costTotals(_ costs: [Cost], words: Words) -> [(side: String, amounts: String)] {
        Side.allCases.compactMap { side in
            var totals: [String: Double] = [:]
            for cost in costs where cost.side == side {
                totals[cost.kind == .money ? cost.currency : words.term(cost.kind, "cost"), default: 0] += cost.amount
            }
            guard !totals.isEmpty else { return nil }
            return (
                words.term(side, "side"),
                totals.keys.sorted().map { "\(words.number(totals[$0]!)) \($0)" }.joined(separator: "; ")
            )
        }
    }
}
