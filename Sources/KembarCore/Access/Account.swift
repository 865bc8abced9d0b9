/// A person who signs in, and the one government (or partnership) the account belongs to.
public struct Account: Hashable, Sendable {
    public var id: Int
    public var email: String
    public var name: String
    public var role: Role
    /// The government whose records the account sees; nil for the whole deployment (a national
    /// ministry, or the first administrator before any government is imported).
    public var organizationID: String?
    /// For a `partner` account: the one partnership it belongs to.
    public var partnershipID: String?
    public var disabled: Bool
    /// Set while the account still has the one-time password it was given.
    public var mustChangePassword: Bool
    /// The governments below the account's own, whose records it reads but does not change: a
    /// province's regencies and cities (and, for the ministry's government, every one below it).
    /// Filled in from the hierarchy when the account is loaded.
    public var governed: Set<String> = []

    public init(
        id: Int, email: String, name: String, role: Role, organizationID: String?, partnershipID: String? = nil,
        disabled: Bool = false, mustChangePassword: Bool = false
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.organizationID = organizationID
        self.partnershipID = partnershipID
        self.disabled = disabled
        self.mustChangePassword = mustChangePassword
    }
}

extension Account {
    /// Whether the account's records include those of `organizationID`: its own government's,
    /// and those of the governments below it.
    public func covers(_ organizationID: String) -> Bool {
        self.organizationID == nil || self.organizationID == organizationID || governed.contains(organizationID)
    }

    /// Whether `organizationID` is the account's own government (every one, for the deployment's).
    public func belongsTo(_ organizationID: String) -> Bool {
        self.organizationID == nil || self.organizationID == organizationID
    }

    /// Whether the account may read a partnership's whole (internal) record.
    public func canRead(organizationID: String, partnershipID: String) -> Bool {
        guard !disabled, covers(organizationID) else { return false }
        if role == .partner { return self.partnershipID == partnershipID }
        return true
    }

    /// Whether the account sees the portfolio, the map and every partnership of its government.
    public var readsWholePortfolio: Bool { !disabled && role != .partner }

    /// Whether the account may create and change the record of `organizationID`: its own
    /// government's only (a province's officers read their cities' records, and change none).
    public func canEdit(organizationID: String) -> Bool {
        !disabled && (role == .officer || role == .admin) && belongsTo(organizationID)
    }

    /// Whether the account may propose its own activities to a partnership, for officers to confirm.
    public func canSubmitActivity(organizationID: String, partnershipID: String) -> Bool {
        !disabled && role == .partner && covers(organizationID) && self.partnershipID == partnershipID
    }

    /// Whether the account may read the audit log of `organizationID`. The partner's liaison sees
    /// the shared record and who entered what in it, not the home office's internal history.
    public func canReadHistory(organizationID: String) -> Bool {
        !disabled && role != .partner && covers(organizationID)
    }

    /// Whether the account may read the coded evidence and assessments of `organizationID`: the
    /// home office's analysis, like its history, is not the partner city's to read.
    public func canReadEvidence(organizationID: String) -> Bool {
        canReadHistory(organizationID: organizationID)
    }

    /// Whether the account may code passages of documents, add sub-codes and write assessments for
    /// `organizationID`: researchers, officers and administrators.
    public func canCodeEvidence(organizationID: String) -> Bool {
        !disabled && [.researcher, .officer, .admin].contains(role) && belongsTo(organizationID)
    }

    /// Whether the account may add sub-codes to the code book, which every government shares.
    public var canExtendCodeBook: Bool {
        !disabled && [.researcher, .officer, .admin].contains(role)
    }

    /// Whether the account may create, change and disable accounts of `organizationID` (nil: of
    /// the whole deployment).
    public func canManageAccounts(of organizationID: String?) -> Bool {
        guard !disabled, role == .admin else { return false }
        guard let organizationID else { return self.organizationID == nil }
        return belongsTo(organizationID)
    }
}
