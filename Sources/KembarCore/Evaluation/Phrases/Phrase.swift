/// A sentence of an explanation or alarm, as a template key and its arguments, so that every
/// language can say it: the engine decides what to say, a catalog decides how.
public struct Phrase: Hashable, Sendable {
    public let key: String
    public let arguments: [PhraseArgument]

    public init(_ key: String, _ arguments: PhraseArgument...) {
        self.key = key
        self.arguments = arguments
    }

    public init(_ key: String, arguments: [PhraseArgument]) {
        self.key = key
        self.arguments = arguments
    }
}

/// One filled-in part of a phrase.
public indirect enum PhraseArgument: Hashable, Sendable {
    /// Said as written: names, titles.
    case text(String)
    /// A record of the partnership, said by its name where the partnership is at hand (a page),
    /// else by its id (the command line, the JSON output).
    case record(PhraseRecord, id: String)
    case count(Int)
    /// Formatted for the language (decimal mark, grouping).
    case number(Double)
    /// A partial date as stored (`2011`, `2022-04`, `[2006-09-21..2010]`), formatted for the language.
    case date(String)
    /// A word of the vocabulary, looked up as `term.<key>`; said as `fallback` when the catalog lacks it.
    case term(String, fallback: String)
    /// Items joined with commas.
    case list([PhraseArgument])
    /// A phrase inside a phrase.
    case phrase(Phrase)
    /// Nothing: an optional part that does not apply.
    case empty

    /// The number plural forms are chosen by.
    var countValue: Int? {
        switch self {
        case .count(let value): value
        case .number(let value): value == 1 ? 1 : 2
        default: nil
        }
    }
}

/// The kinds of record a phrase may name.
public enum PhraseRecord: String, Hashable, Sendable {
    case agreement
    case obligation
    case activity
    case document
}
