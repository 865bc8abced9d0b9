import KembarCore

/// An activity proposed through the public portal by a citizen, school, NGO or business.
public struct Proposal: Sendable, Hashable {
    public var id: Int
    public var organizationID: String
    public var partnershipID: String
    public var proposerName: String
    public var proposerOrganization: String?
    public var group: Participant.Group
    public var contact: String
    public var idea: String
    public var area: String?
    public var status: DecisionStatus
    public var reason: String?
    public var activityID: String?
    public var submittedAt: String
    public var decidedBy: String?
    public var decidedAt: String?

    /// What the proposer typed.
    public struct Draft: Sendable {
        public var proposerName: String
        public var proposerOrganization: String?
        public var group: Participant.Group
        public var contact: String
        public var idea: String
        public var area: String?

        public init(
            proposerName: String, proposerOrganization: String?, group: Participant.Group, contact: String,
            idea: String, area: String?
        ) {
            self.proposerName = proposerName
            self.proposerOrganization = proposerOrganization
            self.group = group
            self.contact = contact
            self.idea = idea
            self.area = area
        }
    }
}
