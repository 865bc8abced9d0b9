/// A government's whole cooperation record: the content of one `kembar/1` document.
public struct CooperationRecord: Hashable, Sendable {
    public static let formatIdentifier = "kembar/1"

    public var organization: Organization
    public var partnerships: [Partnership]

    public init(organization: Organization, partnerships: [Partnership]) {
        self.organization = organization
        self.partnerships = partnerships
    }
}
