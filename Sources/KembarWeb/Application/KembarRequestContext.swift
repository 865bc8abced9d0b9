import Hummingbird

/// The request context of every route: who is asking, and from where.
public struct KembarRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The address of the connection (the proxy's, when Kembar runs behind one).
    let connectionAddress: String?
    var visitor = Visitor()
    /// A `multipart/form-data` body (an upload), read once when its form token is checked.
    var multipart: MultipartForm?

    public init(source: Source) {
        coreContext = .init(source: source)
        connectionAddress = source.channel.remoteAddress?.ipAddress
    }
}
