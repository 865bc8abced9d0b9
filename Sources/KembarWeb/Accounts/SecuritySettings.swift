import Foundation
import Hummingbird
import KembarStore

/// How Kembar protects its visitors, set when the server starts.
public struct SecuritySettings: Sendable {
    /// Whether people reach the site over HTTPS (usually through a proxy that holds the
    /// certificate): cookies are then `Secure` and browsers are told to keep to HTTPS.
    public var https: Bool
    /// Whether to take the visitor's address from `X-Forwarded-For`, as set by a proxy in front.
    /// Only safe when nobody can reach Kembar except through that proxy.
    public var trustForwardedFor: Bool
    public var passwords: Passwords
    public var now: @Sendable () -> Date
    /// The largest form body accepted (forms carry text, not files).
    public var maximumFormBytes = 1 << 20
    /// Where people reach the site (``PublicURL``), for the absolute links of feeds and tokens;
    /// nil takes it from each request's Host.
    public var publicURL: String?

    public init(
        https: Bool = false, trustForwardedFor: Bool = false, publicURL: String? = nil,
        passwords: Passwords = .standard, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.https = https
        self.trustForwardedFor = trustForwardedFor
        self.publicURL = publicURL
        self.passwords = passwords
        self.now = now
    }

    var cookies: Cookies { Cookies(secure: https) }

    /// The address people reach this site at, for the links a person copies into another
    /// program (a calendar's subscription, an API call): the public URL when one is set, else
    /// the request's host.
    func baseURL(of request: Request) -> String {
        publicURL ?? (https ? "https://" : "http://") + (request.head.authority ?? "localhost")
    }

    func address(of request: Request, connection: String?) -> String {
        if trustForwardedFor, let forwarded = request.headers[.init("X-Forwarded-For")!] {
            // The proxy appends the address it saw; earlier entries are whatever the client sent.
            if let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty {
                return last
            }
        }
        return connection ?? "unknown"
    }
}
