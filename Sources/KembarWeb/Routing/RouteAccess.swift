import KembarCore

/// Who may use a route. Checked with the route's organization and partnership before its
/// handler runs: the public is sent to sign in, a role that may not is refused (403), and a
/// record the account may not know of is not acknowledged to exist (404).
enum RouteAccess: Sendable {
    /// Anyone, signed in or not (the handler may still look at who it is).
    case anyone
    case signedIn
    /// An account that sees its government's portfolio (not a partner city's liaison).
    case portfolioReader
    /// A portfolio reader of the address's government.
    case governmentReader
    /// A portfolio reader of the whole deployment (the ministry's).
    case deploymentReader
    /// Whoever reads the address's partnership (a partner city's liaison reads its own).
    case reader
    /// A reader of the partnership's change history and dossier: its government's accounts.
    case historyReader
    case evidenceReader
    case coder
    /// An editor of the address's government (and partnership, when the address names one).
    case editor
    /// The partner city's liaison of the address's partnership, who enters activities for review.
    case liaison
    /// An administrator of accounts.
    case administrator

    /// Admits `visitor` to a route of the address's government and partnership, or refuses them.
    func check(_ visitor: Visitor, organizationID: String?, partnershipID: String?) throws(AccessDenied) {
        switch self {
        case .anyone:
            break
        case .signedIn:
            _ = try visitor.signedIn()
        case .portfolioReader:
            _ = try visitor.portfolioReader()
        case .governmentReader:
            let account = try visitor.portfolioReader()
            guard let organizationID, account.covers(organizationID) else { throw .notFound }
        case .deploymentReader:
            let account = try visitor.portfolioReader()
            guard account.organizationID == nil else { throw .forbidden }
        case .reader:
            _ = try visitor.reader(organizationID: organizationID ?? "", partnershipID: partnershipID ?? "")
        case .historyReader:
            let account = try visitor.reader(organizationID: organizationID ?? "", partnershipID: partnershipID ?? "")
            guard account.canReadHistory(organizationID: organizationID ?? "") else { throw .forbidden }
        case .evidenceReader:
            _ = try visitor.evidenceReader(organizationID: organizationID ?? "", partnershipID: partnershipID ?? "")
        case .coder:
            _ = try visitor.coder(organizationID: organizationID ?? "", partnershipID: partnershipID ?? "")
        case .editor:
            if let partnershipID {
                _ = try visitor.editor(organizationID: organizationID ?? "", partnershipID: partnershipID)
            } else {
                _ = try visitor.editor(organizationID: organizationID ?? "")
            }
        case .liaison:
            let account = try visitor.reader(organizationID: organizationID ?? "", partnershipID: partnershipID ?? "")
            guard account.canSubmitActivity(organizationID: organizationID ?? "", partnershipID: partnershipID ?? "")
            else { throw .forbidden }
        case .administrator:
            let account = try visitor.signedIn()
            guard account.role == .admin, !account.disabled else { throw .forbidden }
        }
    }
}
