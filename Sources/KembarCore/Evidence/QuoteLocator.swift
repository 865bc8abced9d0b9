/// Finds a quoted passage in a document's text, so that a person without JavaScript can code a
/// passage by pasting it. Runs of white space match any run of white space (a pasted quote's line
/// breaks rarely match the document's); everything else must match exactly.
public enum QuoteLocator {
    public enum Problem: Error, Equatable, Sendable {
        case empty
        case notFound
        /// The quote occurs `count` times; a longer quote, or a selection, says which.
        case ambiguous(count: Int)
    }

    /// The character (Unicode scalar) range of `quote` in `text`. When the quote occurs more than
    /// once, `near` (a character position, as a selection gives) chooses the occurrence starting there.
    public static func locate(_ quote: String, in text: String, near: Int? = nil) -> Result<Range<Int>, Problem> {
        let pattern = tokens(quote)
        guard !pattern.isEmpty else { return .failure(.empty) }
        let scalars = Array(text.unicodeScalars)
        var found: [Range<Int>] = []
        var start = 0
        while start < scalars.count {
            if let end = match(pattern, in: scalars, at: start) {
                found.append(start..<end)
                if found.count > 1000 { break }
            }
            start += 1
        }
        if let near, let chosen = found.first(where: { $0.lowerBound == near }) { return .success(chosen) }
        switch found.count {
        case 0: return .failure(.notFound)
        case 1: return .success(found[0])
        default: return .failure(.ambiguous(count: found.count))
        }
    }

    /// The characters of `text` in `range`, or nil when the range lies outside it.
    public static func passage(_ range: Range<Int>, of text: String) -> String? {
        let scalars = text.unicodeScalars
        guard range.lowerBound >= 0, range.upperBound <= scalars.count else { return nil }
        let from = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
        let to = scalars.index(from, offsetBy: range.count)
        return String(scalars[from..<to])
    }

    private enum Token: Equatable {
        case scalar(Unicode.Scalar)
        case space
    }

    private static func tokens(_ quote: String) -> [Token] {
        var tokens: [Token] = []
        for scalar in quote.unicodeScalars {
            if scalar.properties.isWhitespace {
                if tokens.last != .space { tokens.append(.space) }
            } else {
                tokens.append(.scalar(scalar))
            }
        }
        while tokens.first == .space { tokens.removeFirst() }
        while tokens.last == .space { tokens.removeLast() }
        return tokens
    }

    /// The end of the match of `pattern` starting at `start`, or nil.
    private static func match(_ pattern: [Token], in scalars: [Unicode.Scalar], at start: Int) -> Int? {
        var position = start
        for token in pattern {
            switch token {
            case .scalar(let expected):
                guard position < scalars.count, scalars[position] == expected else { return nil }
                position += 1
            case .space:
                guard position < scalars.count, scalars[position].properties.isWhitespace else { return nil }
                while position < scalars.count && scalars[position].properties.isWhitespace { position += 1 }
            }
        }
        return position
    }
}
