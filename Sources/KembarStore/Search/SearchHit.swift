/// One thing the search found, with the words that matched marked in its title and snippet.
public struct SearchHit: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case partnership
        case activity
        case document
    }

    /// Text in which the matched words are marked, as runs of plain and matched text.
    public struct Marked: Hashable, Sendable {
        public struct Run: Hashable, Sendable {
            public let text: String
            public let matched: Bool
        }

        public let runs: [Run]

        /// Reads text in which the database put `SearchQuery.startMark` and `endMark` around matches.
        init(_ text: String) {
            var runs: [Run] = []
            var current = ""
            var matched = false
            for character in text {
                if character == SearchQuery.startMark || character == SearchQuery.endMark {
                    if !current.isEmpty { runs.append(Run(text: current, matched: matched)) }
                    current = ""
                    matched = character == SearchQuery.startMark
                } else {
                    current.append(character)
                }
            }
            if !current.isEmpty { runs.append(Run(text: current, matched: matched)) }
            self.runs = runs
        }

        public var plain: String { runs.map(\.text).joined() }
    }

    public let kind: Kind
    public let organizationID: String
    public let partnershipID: String
    public let recordID: String
    public let title: Marked
    public let snippet: Marked
}
