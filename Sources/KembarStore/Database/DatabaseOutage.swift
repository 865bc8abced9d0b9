import NIOCore
import PostgresNIO

/// Tells a database that cannot be reached (down, restarting, refusing connections) from a
/// query that failed on its own: the first is a passing outage to answer with 503 and retry,
/// the second a fault.
public enum DatabaseOutage {
    public static func isOutage(_ error: any Error) -> Bool {
        switch error {
        case let error as PSQLError:
            switch error.code {
            case .clientClosedConnection, .serverClosedConnection, .connectionError, .uncleanShutdown, .poolClosed:
                return true
            case .server:
                // Connection exceptions (class 08), and a server shutting down or starting up.
                let state = error.serverInfo?[.sqlState] ?? ""
                return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
            default:
                return false
            }
        case is IOError, is ChannelError, is DatabaseUnreachable:
            return true
        default:
            // The pool's own errors (its circuit breaker tripped after failed connections) are of
            // a module PostgresNIO does not export.
            return String(reflecting: type(of: error)).hasSuffix("ConnectionPoolError")
        }
    }
}

/// The database server cannot be reached: the pool's attempt to open a connection failed and
/// none has worked since.
public struct DatabaseUnreachable: Error, CustomStringConvertible {
    public let reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { "the database cannot be reached: \(reason)" }
}
