import KembarCore
import KembarStore

/// Who is asking: a signed-in session, or a member of the public; the token every form of the
/// page must carry back; the address the request came from.
struct Visitor: Sendable {
    var session: SessionStore.Session?
    var formToken = ""
    /// Whether the token was made for this request (a first visit): a form cannot carry it yet.
    var formTokenIsNew = false
    var address = "unknown"
    /// Proposals and partner entries waiting for the decision of an officer or administrator of
    /// one government, said in the navigation.
    var decisionsWaiting = 0

    var account: Account? { session?.account }

    /// Pages are cached per account (whose role and government decide what they show) and count
    /// of decisions in its navigation, and once for the public.
    var cacheScope: String {
        guard let account else { return "public" }
        return
            "account \(account.id) \(account.role.rawValue) \(account.organizationID ?? "*") \(account.partnershipID ?? "")"
            + " decisions \(decisionsWaiting)"
    }
}

/// Why a request is refused; ``RefusalPages`` turns each into the page a person should see.
enum AccessDenied: Error {
    /// Nobody is signed in: go to the sign-in page and come back.
    case signInRequired
    /// Signed in, but the role does not allow it.
    case forbidden
    /// What was asked for does not exist for this account (records of another government or
    /// partnership are not acknowledged to exist).
    case notFound
}

extension Visitor {
    func signedIn() throws(AccessDenied) -> Account {
        guard let account else { throw .signInRequired }
        return account
    }

    /// An account that sees its government's portfolio (not a partner's liaison).
    func portfolioReader() throws(AccessDenied) -> Account {
        let account = try signedIn()
        guard account.readsWholePortfolio else { throw .forbidden }
        return account
    }

    func reader(organizationID: String, partnershipID: String) throws(AccessDenied) -> Account {
        let account = try signedIn()
        guard account.canRead(organizationID: organizationID, partnershipID: partnershipID) else { throw .notFound }
        return account
    }

    func editor(organizationID: String) throws(AccessDenied) -> Account {
        let account = try signedIn()
        guard account.covers(organizationID) else { throw .notFound }
        guard account.canEdit(organizationID: organizationID) else {
            if account.role == .partner { throw .notFound }
            throw .forbidden
        }
        return account
    }

    /// An editor of the partnership's government (a partner's liaison of that partnership is
    /// refused as forbidden; anyone else outside it is told it does not exist).
    func editor(organizationID: String, partnershipID: String) throws(AccessDenied) -> Account {
        let account = try signedIn()
        guard account.canRead(organizationID: organizationID, partnershipID: partnershipID) else { throw .notFound }
        guard account.canEdit(organizationID: organizationID) else { throw .forbidden }
        return account
    }

    /// A reader of a partnership's coded evidence: the home government's accounts (the partner
    /// city's liaison, who reads the partnership, is refused, as for its change history).
    func evidenceReader(organizationID: String, partnershipID: String) throws(AccessDenied) -> Account {
        let account = try reader(organizationID: organizationID, partnershipID: partnershipID)
        guard account.canReadEvidence(organizationID: organizationID) else { throw .forbidden }
        return account
    }

    /// A coder of a partnership's evidence: a researcher, an officer or an administrator.
    func coder(organizationID: String, partnershipID: String) throws(AccessDenied) -> Account {
        let account = try evidenceReader(organizationID: organizationID, partnershipID: partnershipID)
        guard account.canCodeEvidence(organizationID: organizationID) else { throw .forbidden }
        return account
    }

    /// The actor written in the audit log for this visitor's changes.
    var actor: String {
        guard let account else { return "public" }
        return "\(account.email) (\(account.role.rawValue))"
    }
}
