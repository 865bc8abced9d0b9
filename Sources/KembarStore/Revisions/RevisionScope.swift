/// The part of the data a write changed, so that caches drop only what depends on it.
public enum RevisionScope: Hashable, Sendable {
    /// What belongs to no government: the code book, the set of governments itself.
    case deployment
    /// A government's own details, or its set of partnerships and partners; every partnership of
    /// the government depends on it (the office's load counts its partnerships).
    case organization(String)
    /// One partnership's record, its documents, proposals, partner entries and assessments.
    case partnership(organizationID: String, partnershipID: String)

    /// The key of the scope's row in `record_revisions`: an empty string where a level is absent.
    var key: (organization: String, partnership: String) {
        switch self {
        case .deployment: ("", "")
        case .organization(let id): (id, "")
        case .partnership(let organizationID, let partnershipID): (organizationID, partnershipID)
        }
    }

    init(organization: String, partnership: String) {
        if organization.isEmpty {
            self = .deployment
        } else if partnership.isEmpty {
            self = .organization(organization)
        } else {
            self = .partnership(organizationID: organization, partnershipID: partnership)
        }
    }

    /// The government the scope lies in; nil for the deployment.
    public var organizationID: String? {
        switch self {
        case .deployment: nil
        case .organization(let id): id
        case .partnership(let organizationID, _): organizationID
        }
    }
}

/// The writes committed after a revision an instance knew, and the revision they bring it to.
public struct RevisionChanges: Sendable, Equatable {
    /// The data revision now.
    public let revision: Int
    /// Each scope changed after the revision asked about, with the newest revision that changed it.
    public let changed: [RevisionScope: Int]
}
