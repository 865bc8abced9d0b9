import KembarCore

/// What went each way between the two cities, as the page draws it: the reciprocity bars
/// (delegations, their members, costs, benefits) of the window the indicators judge, counted by
/// Core, and who took part, by group and role.
extension PartnershipView {
    static func exchange(_ flows: ReciprocityFlows, homeName: String, partnerName: String, words: Words) -> Exchange {
        let bars = reciprocity(flows, homeName: homeName, partnerName: partnerName, words: words)
        return Exchange(
            wide: bars.svg(), narrow: bars.narrowSVG(),
            rows: bars.groups.flatMap { group in
                group.rows.map { [group.heading, $0.label, $0.homeText, $0.partnerText] }
            },
            window: words.text("bars_window", ["window": words.say([flows.window])]))
    }

    static func reciprocity(
        _ flows: ReciprocityFlows, homeName: String, partnerName: String, words: Words
    ) -> TwoWayBars {
        let sent = flows.delegationsSent[.home] ?? 0
        let received = flows.delegationsSent[.partner] ?? 0
        var visitRows = [
            TwoWayBars.Row(
                label: words.text("bars_delegations"), home: Double(sent), partner: Double(received),
                homeText: words.text("bars_sent", ["n": words.count(sent)]),
                partnerText: words.text("bars_sent", ["n": words.count(received)]))
        ]
        let homeVisitors = flows.membersSent[.home] ?? 0
        let partnerVisitors = flows.membersSent[.partner] ?? 0
        // A delegation whose size nobody wrote down is not a delegation of nobody.
        func members(_ side: Side, _ total: Int) -> String {
            let delegations = flows.delegationsSent[side] ?? 0
            return delegations == 0 || flows.membersCounted[side] == true
                ? words.count(total) : words.text("not_counted")
        }
        if homeVisitors + partnerVisitors > 0 {
            visitRows.append(
                TwoWayBars.Row(
                    label: words.text("bars_visitors"), home: Double(homeVisitors), partner: Double(partnerVisitors),
                    homeText: members(.home, homeVisitors), partnerText: members(.partner, partnerVisitors)))
        }
        let costRows = flows.costs.map { line in
            TwoWayBars.Row(
                label: line.isKind ? words.term("cost.\(line.unit)", fallback: line.unit) : line.unit,
                home: line.home, partner: line.partner,
                homeText: words.number(line.home), partnerText: words.number(line.partner))
        }
        let benefitRows = flows.benefits.map { line in
            TwoWayBars.Row(
                label: words.term(line.kind, "benefit"), home: Double(line.toHome), partner: Double(line.toPartner),
                homeText: words.count(line.toHome), partnerText: words.count(line.toPartner))
        }
        return TwoWayBars(
            id: "reciprocity", title: words.text("bars_title"),
            description: words.text(
                "bars_description",
                [
                    "window": words.say([flows.window]), "home": homeName, "partner": partnerName,
                    "sent": words.count(sent), "received": words.count(received),
                    "toHome": words.count(flows.benefitsToHome), "toPartner": words.count(flows.benefitsToPartner),
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
