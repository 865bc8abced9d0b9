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

    public init(
        https: Bool = false, trustForwardedFor: Bool = false, passwords: Passwords = .standard,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.https = https
        self.trustForwardedFor = trustForwardedFor
        self.passwords = passwords
        self.now = now
    }

    var cookies: Cookies { Cookies(secure: https) }

    /// The address people reach this site at, from the request's host: for the links a person
    /// copies into another program (a calendar's subscription, an API call).
    func baseURL(of request: Request) -> String {
        (https ? "https://" : "http://") + (request.head.authority ?? "localhost")
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
