/// Why a message could not be handed to the mail server, worded for a log and an administrator.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server could not be reached.
    case connection(String)
    /// The server did not answer within the time allowed.
    case timeout(String)
    /// The server closed the connection.
    case closed
    /// The server answered with something that is not SMTP.
    case protocolViolation(String)
    /// The server refused a step: its code and text.
    case refused(step: String, code: Int, text: String)
    /// The server refused every recipient.
    case recipientsRefused([String: String])
    /// TLS was asked for and the server does not offer it.
    case noTLS
    /// The server asks for a sign-in and none was given, or offers no way Kembar can use.
    case authentication(String)

    public var description: String {
        switch self {
        case .connection(let reason): "cannot reach the mail server: \(reason)"
        case .timeout(let step): "the mail server did not answer in time (\(step))"
        case .closed: "the mail server closed the connection"
        case .protocolViolation(let detail): "the mail server does not speak SMTP: \(detail)"
        case .refused(let step, let code, let text): "the mail server refused \(step): \(code) \(text)"
        case .recipientsRefused(let refusals):
            "the mail server refused "
                + refusals.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
        case .noTLS: "the mail server does not offer STARTTLS, and TLS is required"
        case .authentication(let detail): "cannot sign in to the mail server: \(detail)"
        }
    }

    /// Whether trying again later may succeed: a 4xx answer, a timeout or a lost connection, but
    /// not a 5xx refusal.
    public var isTransient: Bool {
        switch self {
        case .connection, .timeout, .closed: true
        case .refused(_, let code, _): (400..<500).contains(code)
        case .recipientsRefused(let refusals): refusals.values.allSatisfy { $0.hasPrefix("4") }
        case .protocolViolation, .noTLS, .authentication: false
        }
    }
}
