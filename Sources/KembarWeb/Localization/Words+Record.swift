import Foundation
import KembarCore

/// How the parts of a record are said in a sentence, the same on every page and in every report.
/// `home` and `partner` are the names of the two governments, for the sides.
extension Words {
    func side(_ side: Side, home: String, partner: String) -> String {
        side == .home ? home : partner
    }

    /// "youth Liuzhou, participant (10)".
    func participant(_ participant: Participant, home: String, partner: String) -> String {
        "\(term(participant.group, "group")) \(self.side(participant.side, home: home, partner: partner)), \(term(participant.role, "role"))"
            + (participant.count.map { " (\(count($0)))" } ?? "")
    }

    /// "Bandung: 15.000.000 IDR"; staff-days and in-kind costs are named by their kind.
    func cost(_ cost: Cost, home: String, partner: String) -> String {
        "\(side(cost.side, home: home, partner: partner)): \(number(cost.amount)) \(cost.kind == .money ? cost.currency : term(cost.kind, "cost"))"
    }

    func benefit(_ benefit: Benefit, home: String, partner: String) -> String {
        text(
            "benefit_line",
            ["city": side(benefit.to, home: home, partner: partner), "kind": term(benefit.kind, "benefit")])
            + (benefit.description.map { ": \($0)" } ?? "")
    }

    /// "outcome, indirect: … (10.000 masks)".
    func result(_ result: ActivityResult) -> String {
        "\(term(result.kind, "result-kind")), \(term(result.directness, "directness")): \(result.description)"
            + (result.quantity.map { " (\(number($0.value)) \($0.unit))" } ?? "")
    }

    /// Who made a change, as the audit log names them ("rina@bandung.go.id (officer)"), with the
    /// role said as the header says it ("(petugas)").
    func actor(_ actor: String) -> String {
        var said = actor
        for role in Role.allCases where said.contains("(\(role.rawValue))") {
            said = said.replacingOccurrences(of: "(\(role.rawValue))", with: "(\(term(role, "account-role")))")
        }
        return said
    }

    /// An agreement by what people call it, its kind and the day it was signed: "MoU 21 September 2006".
    func agreement(_ agreement: Agreement) -> String {
        "\(term(agreement.type, "agreement-type")) \(date(agreement.signed))"
    }

    func signatory(_ signatory: Signatory) -> String {
        "\(signatory.name)\(signatory.title.map { ", \($0)" } ?? "") (\(term(signatory.side, "side")))"
    }

    /// Where an activity took place: a city's name, online, elsewhere, or not known.
    func host(_ host: Activity.Host?, home: String, partner: String) -> String {
        switch host {
        case .home: home
        case .partner: partner
        case let other?: term(other, "host")
        case nil: text("unknown")
        }
    }

    /// An activity's dates: "April 2022", "1 – 3 Mei 2019".
    func dates(of activity: Activity) -> String {
        date(activity.start) + (activity.end.map { " – " + date($0) } ?? "")
    }
}
