/// What a person typed into the search box, as the words to look for. Every word must occur,
/// as a word or the start of one ("pertukar" finds "pertukaran"); punctuation and operators are
/// not passed on, so nothing typed can change the meaning of the database's query.
public struct SearchQuery: Hashable, Sendable {
    public let words: [String]

    static let maximumWords = 12
    static let maximumWordLength = 60
    /// Private-use characters the database puts around matched words; they never occur in text.
    static let startMark: Character = "\u{E000}"
    static let endMark: Character = "\u{E001}"

    public init(_ text: String) {
        var words: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        self.words = Array(
            words.map { String($0.prefix(Self.maximumWordLength)) }.reduce(into: [String]()) { kept, word in
                if !kept.contains(word) { kept.append(word) }
            }.prefix(Self.maximumWords))
    }

    public var isEmpty: Bool { words.isEmpty }

    /// A word as an FTS5 phrase: quoted, any quote in it doubled.
    static func phrase(_ word: String) -> String {
        "\"" + word.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// PostgreSQL's `to_tsquery` text: each word as a prefix, all required.
    var postgres: String {
        words.map { "'\($0)':*" }.joined(separator: " & ")
    }
}
