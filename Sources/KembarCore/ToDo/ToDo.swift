/// What an office is to act on now in a partnership, read from its record and evaluation: the
/// promises falling due and those missed since the person last looked, the agreements running
/// out, and a partnership that has gone quiet since.
public struct ToDoItem: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// An obligation's period under way, due within ``ToDo/dueWithinDays``.
        case obligationDue(Obligation, due: CalendarDay)
        /// An obligation's period that ended unmet since the person last looked.
        case obligationMissed(Obligation, due: CalendarDay)
        /// An agreement in force, and not replaced, ending within ``ToDo/expiringWithinDays``.
        case agreementExpiring(Agreement, on: CalendarDay)
        /// Silent past the dormancy threshold, since `since` (the day it crossed it).
        case turnedDormant(since: CalendarDay)
    }

    public let partnershipID: String
    public let kind: Kind
}

public enum ToDo {
    public static let dueWithinDays = 90
    public static let expiringWithinDays = 180
    /// How far back "since the last visit" reaches for someone who has not looked before.
    public static let firstLookBackDays = 90

    /// The items of one partnership on `asOf`, for a person whose previous visit was `since` (nil:
    /// the first, which looks back ``firstLookBackDays``). A closed partnership has none.
    public static func items(
        _ partnership: Partnership, evaluation: PartnershipEvaluation, asOf: CalendarDay, since: CalendarDay?,
        policy: EvaluationPolicy
    ) -> [ToDoItem] {
        guard !partnership.isClosed(on: asOf) else { return [] }
        let from = since ?? asOf.adding(days: -firstLookBackDays)
        var items: [ToDoItem.Kind] = []
        let obligations = Dictionary(
            partnership.obligations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for occurrence in evaluation.obligations.sorted(by: { ($0.due, $0.obligation) < ($1.due, $1.obligation) }) {
            guard let obligation = obligations[occurrence.obligation] else { continue }
            switch occurrence.status {
            case .due where occurrence.due <= asOf.adding(days: dueWithinDays):
                items.append(.obligationDue(obligation, due: occurrence.due))
            case .missed where occurrence.due > from && occurrence.due <= asOf:
                items.append(.obligationMissed(obligation, due: occurrence.due))
            default:
                break
            }
        }
        let replaced = Set(partnership.agreements.compactMap(\.supersedes))
        for agreement in partnership.agreements.sorted(by: { $0.id < $1.id })
        where !replaced.contains(agreement.id) && UnderstandingIndicators.isInForce(agreement, on: asOf) {
            if let end = agreement.validUntil?.span.upperBound, end <= asOf.adding(days: expiringWithinDays) {
                items.append(.agreementExpiring(agreement, on: end))
            }
        }
        if evaluation.alarms.contains(where: { $0.kind == .dormant }), let silence = evaluation.currentSilenceDays {
            let crossed = asOf.adding(days: policy.dormancyDays - silence)
            if crossed > from { items.append(.turnedDormant(since: crossed)) }
        }
        return items.map { ToDoItem(partnershipID: partnership.id, kind: $0) }
    }
}
