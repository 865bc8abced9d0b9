import Foundation
import Hummingbird

/// The fields of a form: what was typed (on a POST) or what the record holds (to edit it).
/// Keeping what was typed lets a form with errors come back exactly as the person left it.
struct FormState: Sendable {
    private(set) var values: [String: [String]] = [:]

    init() {}

    /// Parses an `application/x-www-form-urlencoded` body.
    init(urlEncoded body: String) {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[name, default: []].append(value)
        }
    }

    static func read(_ request: Request, limit: Int = 1 << 20) async throws -> FormState {
        let buffer = try await request.body.collect(upTo: limit)
        return FormState(urlEncoded: String(buffer: buffer))
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    subscript(name: String) -> String {
        get { values[name]?.first ?? "" }
        set { values[name] = [newValue] }
    }

    func all(_ name: String) -> [String] {
        values[name] ?? []
    }

    mutating func set(_ name: String, _ list: [String]) {
        values[name] = list
    }

    func has(_ name: String) -> Bool {
        values[name] != nil
    }

    /// The number of rows of a repeating group (`participants.0.side`, `participants.1.side`…).
    func rowCount(_ group: String) -> Int {
        let prefix = group + "."
        let indices = values.keys.compactMap { key -> Int? in
            guard key.hasPrefix(prefix) else { return nil }
            return Int(key.dropFirst(prefix.count).prefix { $0 != "." })
        }
        return (indices.max() ?? -1) + 1
    }
}
