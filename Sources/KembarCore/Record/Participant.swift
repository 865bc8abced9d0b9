/// A group of people who took part in an activity, on one side, in one role.
public struct Participant: Hashable, Sendable {
    public enum Group: String, CaseIterable, Sendable {
        case government
        case leadership
        case ngo
        case school
        case university
        case business
        case citizens
        case youth
        case media

        /// Community participation counts the actors outside government.
        public var isCommunity: Bool {
            self != .government && self != .leadership
        }
    }

    public enum Role: String, CaseIterable, Sendable {
        /// Took part in deciding what the activity would be.
        case planner
        case participant
    }

    public var side: Side
    public var group: Group
    public var role: Role
    public var count: Int?

    public init(side: Side, group: Group, role: Role, count: Int? = nil) {
        self.side = side
        self.group = group
        self.role = role
        self.count = count
    }
}
