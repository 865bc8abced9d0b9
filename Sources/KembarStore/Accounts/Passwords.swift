import HummingbirdBcrypt

/// Password hashing with bcrypt. The cost is a setting so that tests can use the cheapest one;
/// a server uses 12 (about a quarter of a second per sign-in on the 2-core machines).
public struct Passwords: Sendable {
    public let cost: UInt8

    public static let standard = Passwords(cost: 12)
    public static let minimumLength = 10
    /// bcrypt reads only the first 72 bytes; a longer password would silently lose its end.
    public static let maximumBytes = 72

    public init(cost: UInt8) {
        self.cost = cost
    }

    public func hash(_ password: String) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// What is wrong with a chosen password, or nil.
    public static func problem(_ password: String) -> PasswordProblem? {
        if password.count < minimumLength { return .tooShort(minimumLength) }
        if password.utf8.count > maximumBytes { return .tooLong(maximumBytes) }
        if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return .controlCharacters
        }
        return nil
    }

    /// A one-time password to hand over: 16 letters and digits without look-alikes (0/O, 1/l/I).
    public static func oneTime() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<16).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return stride(from: 0, to: 16, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }
}

public enum PasswordProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case tooShort(Int)
    case tooLong(Int)
    case controlCharacters

    public var description: String {
        switch self {
        case .tooShort(let minimum): "the password must have at least \(minimum) characters"
        case .tooLong(let maximum): "the password must have at most \(maximum) bytes"
        case .controlCharacters: "the password must not contain control characters"
        }
    }
}
