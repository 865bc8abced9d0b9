import Foundation

/// A person's mail address with the name shown beside it. The address is checked when made; the
/// name may hold anything a person typed, and is written so that it cannot become a header of
/// its own (line breaks and other control characters become spaces).
public struct MailAddress: Sendable, Hashable {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notAnAddress(String)

        public var description: String {
            switch self {
            case .notAnAddress(let text): "\(text) is not a mail address"
            }
        }
    }

    public var name: String?
    public var address: String

    public init(name: String? = nil, address: String) throws(Failure) {
        let trimmed = address.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), trimmed.count <= 254,
            trimmed.unicodeScalars.allSatisfy({
                $0.value > 32 && $0.value != 127 && !"<>()[],;:\\\"".unicodeScalars.contains($0)
            })
        else { throw .notAnAddress(address) }
        self.address = trimmed
        self.name = name.map(MailAddress.singleLine).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `Kembar Kota Bandung <kerjasama@bandung.go.id>`, `"Name" <address>` or a bare address.
    public init(parsing text: String) throws(Failure) {
        if let open = text.lastIndex(of: "<"), text.hasSuffix(">") {
            var name = String(text[..<open]).trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
                name = String(name.dropFirst().dropLast())
            }
            try self.init(
                name: name, address: String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
        } else {
            try self.init(address: text)
        }
    }

    /// The domain, for message ids.
    public var domain: String { String(address.split(separator: "@").last ?? "localhost") }

    /// As a header writes it: the name encoded when it is not plain ASCII, quoted otherwise.
    public var header: String {
        guard let name else { return "<\(address)>" }
        return HeaderText.phrase(name) + " <\(address)>"
    }

    static func singleLine(_ text: String) -> String {
        String(
            String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 })
        )
        .trimmingCharacters(in: .whitespaces)
    }
}
