import Crypto
import Foundation

/// The token of a one-click unsubscribe link: which account stops which mail, signed with the
/// deployment's key (``MailSigningKey``), so that the link needs no sign-in and cannot be made
/// for another account.
public enum UnsubscribeToken {
    /// `ACCOUNT.WHAT.SIGNATURE`, `WHAT` a mail kind or `digest`.
    public static func make(accountID: Int, what: String, key: [UInt8]) -> String {
        let payload = "\(accountID).\(what)"
        return payload + "." + signature(payload, key: key)
    }

    /// The account and what it stops, when the token is one this deployment signed.
    public static func read(_ token: String, key: [UInt8]) -> (accountID: Int, what: String)? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let accountID = Int(parts[0]), accountID > 0, !parts[1].isEmpty,
            SecretToken.matches(parts[2], signature(parts[0] + "." + parts[1], key: key))
        else { return nil }
        return (accountID, parts[1])
    }

    private static func signature(_ payload: String, key: [UInt8]) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: SymmetricKey(data: key))
        return Data(mac).prefix(18).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
    }
}
