import Foundation

/// Where and how to reach the mail server, from `smtp://user:pass@host:587` (STARTTLS when the
/// server offers it) or `smtps://user:pass@host:465` (TLS from the first byte). A `ca` query
/// (`?ca=/path/to/ca.pem`) trusts that certificate authority instead of the system's, for a
/// server with a certificate of its own; `?starttls=required` refuses to send without TLS.
public struct SMTPServer: Sendable, Equatable {
    public enum Security: Sendable, Equatable {
        /// TLS after `STARTTLS` when the server offers it; plain text otherwise.
        case startTLSIfOffered
        /// TLS after `STARTTLS`; refuses a server that does not offer it.
        case startTLSRequired
        /// TLS from the start (`smtps`).
        case implicitTLS
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notAnSMTPURL(String)

        public var description: String {
            switch self {
            case .notAnSMTPURL(let text):
                "\(text) is not a mail server address: write smtp://user:password@host:587 (STARTTLS when offered) or smtps://user:password@host:465 (TLS)"
            }
        }
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// A PEM file of certificate authorities to trust instead of the system's.
    public var certificateAuthorities: String?

    public init(
        host: String, port: Int, security: Security, username: String? = nil, password: String? = nil,
        certificateAuthorities: String? = nil
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.certificateAuthorities = certificateAuthorities
    }

    public init(url text: String) throws(Failure) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "smtp" || scheme == "smtps", let host = components.host, !host.isEmpty,
            components.path.isEmpty || components.path == "/"
        else { throw .notAnSMTPURL(text) }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        guard Set(query.keys).isSubset(of: ["ca", "starttls"]),
            query["starttls"].map({ $0 == "required" }) ?? true
        else { throw .notAnSMTPURL(text) }
        self.host = host
        if scheme == "smtps" {
            security = .implicitTLS
        } else {
            security = query["starttls"] == "required" ? .startTLSRequired : .startTLSIfOffered
        }
        port = components.port ?? (scheme == "smtps" ? 465 : 587)
        guard (1...65535).contains(port) else { throw .notAnSMTPURL(text) }
        username = components.percentEncodedUser?.removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 }
        password = components.percentEncodedPassword?.removingPercentEncoding
        certificateAuthorities = query["ca"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The address without its password, for logs and pages.
    public var redacted: String {
        let scheme = security == .implicitTLS ? "smtps" : "smtp"
        let user = username.map { ($0.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? $0) + "@" } ?? ""
        return "\(scheme)://\(user)\(host):\(port)"
    }
}
