import KembarCore

/// What went each way between the two cities, as the page draws it: the reciprocity bars
/// (delegations, their members, costs, benefits) and who took part, by group and role.
extension PartnershipView {
    static func reciprocity(
        _ partnership: Partnership, homeName: String, partnerName: String, today: CalendarDay, words: Words
    ) -> TwoWayBars {
        let happened = partnership.activities.filter { $0.start.span.lowerBound <= today }
        let kinds: Set<Activity.Kind> = [.visit, .exchange, .study, .training, .meeting, .event]
        let received = happened.filter {
            kinds.contains($0.kind) && $0.host == .home && $0.participants.contains { $0.side == .partner }
        }
        let sent = happened.filter {
            kinds.contains($0.kind) && $0.host == .partner && $0.participants.contains { $0.side == .home }
        }
        var visitRows = [
            TwoWayBars.Row(
                label: words.text("bars_delegations"), home: Double(sent.count), partner: Double(received.count),
                homeText: words.text("bars_sent", ["n": words.count(sent.count)]),
                partnerText: words.text("bars_sent", ["n": words.count(received.count)]))
        ]
        let homeVisitors = sent.flatMap(\.participants).filter { $0.side == .home }.compactMap(\.count).reduce(0, +)
        let partnerVisitors = received.flatMap(\.participants).filter { $0.side == .partner }.compactMap(\.count)
            .reduce(0, +)
        // A delegation whose size nobody wrote down is not a delegation of nobody.
        func members(_ delegations: [Activity], _ side: Side, _ total: Int) -> String {
            let counted = delegations.contains { $0.participants.contains { $0.side == side && $0.count != nil } }
            return delegations.isEmpty || counted ? words.count(total) : words.text("not_counted")
        }
        if homeVisitors + partnerVisitors > 0 {
            visitRows.append(
                TwoWayBars.Row(
                    label: words.text("bars_visitors"), home: Double(homeVisitors), partner: Double(partnerVisitors),
                    homeText: members(sent, .home, homeVisitors),
                    partnerText: members(received, .partner, partnerVisitors)))
        }
        var costTotals: [String: [Side: Double]] = [:]
        for cost in happened.flatMap(\.costs) {
            costTotals[cost.kind == .money ? cost.currency : cost.kind.rawValue, default: [:]][cost.side, default: 0] +=
                cost.amount
        }
        let costRows = costTotals.keys.sorted().map { unit in
            let label =
                unit == Cost.Kind.staffDays.rawValue || unit == Cost.Kind.inKind.rawValue
                ? words.term("cost.\(unit)", fallback: unit) : unit
            return TwoWayBars.Row(
                label: label, home: costTotals[unit]?[.home] ?? 0, partner: costTotals[unit]?[.partner] ?? 0,
                homeText: words.number(costTotals[unit]?[.home] ?? 0),
                partnerText: words.number(costTotals[unit]?[.partner] ?? 0))
        }
        let benefits = happened.flatMap(\.benefits)
        let benefitRows = Benefit.Kind.allCases.compactMap { kind -> TwoWayBars.Row? in
            let home = benefits.filter { $0.kind == kind && $0.to == .home }.count
            let partner = benefits.filter { $0.kind == kind && $0.to == .partner }.count
            guard home + partner > 0 else { return nil }
            return TwoWayBars.Row(
                label: words.term(kind, "benefit"), home: Double(home), partner: Double(partner),
                homeText: words.count(home),
                partnerText: words.count(partner))
        }
        let homeTotal = benefits.filter { $0.to == .home }.count
        return TwoWayBars(
            id: "reciprocity", title: words.text("bars_title"),
            description: words.text(
                "bars_description",
                [
                    "home": homeName, "partner": partnerName, "sent": words.count(sent.count),
                    "received": words.count(received.count),
                    "toHome": words.count(homeTotal), "toPartner": words.count(benefits.count - homeTotal),
                ]),
            homeName: homeName, partnerName: partnerName,
            groups: [
                TwoWayBars.Group(heading: words.text("bars_group_visits"), rows: visitRows),
                TwoWayBars.Group(heading: words.text("bars_group_costs"), rows: costRows),
                TwoWayBars.Group(heading: words.text("bars_group_benefits"), rows: benefitRows),
            ])
    }

    static func participants(_ partnership: Partnership, words: Words) -> [ParticipantLine] {
        Participant.Group.allCases.compactMap { group in
            let columns: [(Side, Participant.Role)] = [
                (.home, .planner), (.home, .participant), (.partner, .planner), (.partner, .participant),
            ]
            let cells = columns.map { side, role -> (activities: Int, people: Int) in
                let matching = partnership.activities.filter { activity in
                    activity.participants.contains { $0.side == side && $0.group == group && $0.role == role }
                }
                let people = matching.flatMap(\.participants).filter {
                    $0.side == side && $0.group == group && $0.role == role
                }
                .compactMap(\.count).reduce(0, +)
                return (matching.count, people)
            }
            guard cells.contains(where: { $0.activities > 0 }) else { return nil }
            return ParticipantLine(
                group: words.term(group, "group"),
                cells: cells.map { cell in
                    cell.activities == 0
                        ? "—"
                        : cell.people > 0
                            ? words.text(
                                "participants_cell_people",
                                ["activities": words.count(cell.activities), "people": words.count(cell.people)])
                            : words.text("participants_cell", ["activities": words.count(cell.activities)])
                })
        }
    }
}
