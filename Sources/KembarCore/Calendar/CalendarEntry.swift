/// A date worth a place in the office's calendar: an obligation falling due, an agreement
/// running out, an activity to come. Pure values; the words come from the interface.
public struct CalendarEntry: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// One period of an obligation, on its due day, with what became of it so far.
        case obligationDue(Obligation, ObligationOccurrence)
        /// The last day an agreement is valid; `notices` are the days before it to be warned.
        case agreementExpires(Agreement, notices: [Int])
        case activity(Activity)
    }

    public var kind: Kind
    public var partnershipID: String
    public var partnerName: String
    /// The first day, and the last (the same for a one-day entry).
    public var first: CalendarDay
    public var last: CalendarDay
    /// Whether the record knows the day exactly; otherwise the entry stands on the first day the
    /// date can mean and says how it is known.
    public var exact: Bool

    /// A name for the entry that stays the same from one reading of the feed to the next, so that
    /// calendar programs update an entry instead of adding it again.
    public var uid: String {
        switch kind {
        case .obligationDue(let obligation, let occurrence):
            "obligation-\(partnershipID)-\(obligation.id)-\(occurrence.due)"
        case .agreementExpires(let agreement, _): "agreement-\(partnershipID)-\(agreement.id)-expiry"
        case .activity(let activity): "activity-\(partnershipID)-\(activity.id)"
        }
    }
}
