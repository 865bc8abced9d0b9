/// An activity entered by the partner city's liaison, waiting for the home officers to confirm it.
/// The activity is kept as its `kembar/1` JSON until it is confirmed into the record.
public struct PartnerSubmission: Sendable, Hashable {
    public var id: Int
    public var organizationID: String
    public var partnershipID: String
    public var activityJSON: String
    public var title: String
    public var enteredBy: String
    public var enteredAt: String
    public var status: DecisionStatus
    public var reason: String?
    public var decidedBy: String?
    public var decidedAt: String?
}
