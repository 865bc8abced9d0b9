extension CodedExcerpt {
    /// The excerpt with its positions checked against the document's current text: unchanged when
    /// the quote is still where it was coded, moved when the text changed around it (an import
    /// replaced the document), nil when the quote is no longer in the text.
    public func anchored(in text: String) -> CodedExcerpt? {
        if QuoteLocator.passage(start..<end, of: text) == quote { return self }
        guard case .success(let range) = QuoteLocator.locate(quote, in: text, near: start) else { return nil }
        var moved = self
        moved.start = range.lowerBound
        moved.end = range.upperBound
        return moved
    }
}
