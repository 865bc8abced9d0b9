import Hummingbird
import HummingbirdAuth
import KembarCore

/// The request context of every route: who is asking and from where, the words of their
/// language, and — once the route is known — its organization and partnership and the account its
/// access check admitted, read once for the handler.
public struct KembarRequestContext: AuthRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The address of the connection (the proxy's, when Kembar runs behind one).
    let connectionAddress: String?
    var visitor = Visitor()
    /// The account signed in: by the session on the site's pages (the visitor's), by a bearer
    /// token in the API. Kept once: the context is copied at every step of a request.
    public var identity: Account? {
        get { tokenAccount ?? visitor.account }
        set { tokenAccount = newValue }
    }
    private var tokenAccount: Account?
    /// The interface in the visitor's language (set by ``LanguageMiddleware``).
    var words = Words.unset
    /// Whether the request chose its language now (`?lang=`), to be remembered in a cookie.
    var languageChosenNow = false
    /// A `multipart/form-data` body (an upload), read once when its form token is checked.
    var multipart: MultipartForm?
    private var organization: String?
    private var partnershipOfRoute: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        connectionAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Reads the route's organization and partnership, and admits the visitor or refuses them.
    mutating func enter(_ route: Route) throws(AccessDenied) {
        organization = parameters.get("organization")
        partnershipOfRoute = parameters.get("partnership")
        try route.access.check(visitor, organizationID: organization, partnershipID: partnershipOfRoute)
    }

    /// The account the route admitted (``enter(_:)`` refused anyone else); for a route open to
    /// anyone, the visitor's when signed in.
    var account: Account {
        get throws(AccessDenied) {
            guard let account = identity else { throw .signInRequired }
            return account
        }
    }

    /// The government the address names.
    var organizationID: String {
        get throws(AccessDenied) {
            guard let organization else { throw .notFound }
            return organization
        }
    }

    /// The partnership the address names.
    var partnershipID: String {
        get throws(AccessDenied) {
            guard let partnershipOfRoute else { throw .notFound }
            return partnershipOfRoute
        }
    }
}
