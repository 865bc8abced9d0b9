/// Turns phrases into text for one language.
///
/// A template names its arguments by position: `{0}` inserts argument 0; `{1:day|days}` says
/// "day" when argument 1 is one and "days" otherwise (languages without plurals write one form).
public struct PhraseRenderer: Sendable {
    public let template: @Sendable (String) -> String?
    public let term: @Sendable (String) -> String?
    public let number: @Sendable (Double) -> String
    public let date: @Sendable (String) -> String
    /// A record's name, when the renderer knows the record; nil says its id.
    public let name: @Sendable (PhraseRecord, String) -> String?

    public init(
        template: @escaping @Sendable (String) -> String?, term: @escaping @Sendable (String) -> String?,
        number: @escaping @Sendable (Double) -> String, date: @escaping @Sendable (String) -> String,
        name: @escaping @Sendable (PhraseRecord, String) -> String? = { _, _ in nil }
    ) {
        self.template = template
        self.term = term
        self.number = number
        self.date = date
        self.name = name
    }

    /// English, for the command line and the JSON output.
    public static let english = PhraseRenderer(
        template: { PhraseBook.english[$0] }, term: { PhraseBook.englishTerms[$0] }, number: plain, date: { $0 })

    public func render(_ phrases: [Phrase]) -> String {
        phrases.map(render).joined(separator: "; ")
    }

    public func render(_ phrase: Phrase) -> String {
        guard let text = template(phrase.key) else { return phrase.key }
        var output = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            output += rest[rest.startIndex..<open]
            let placeholder = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            let parts = placeholder.split(separator: ":", maxSplits: 1)
            guard let index = Int(parts[0]), index < phrase.arguments.count else {
                output += "{\(placeholder)}"
                continue
            }
            let argument = phrase.arguments[index]
            if parts.count == 2 {
                let forms = parts[1].split(separator: "|", omittingEmptySubsequences: false)
                output += String(argument.countValue == 1 || forms.count == 1 ? forms[0] : forms[1])
            } else {
                output += render(argument)
            }
        }
        return output + rest
    }

    public func render(_ argument: PhraseArgument) -> String {
        switch argument {
        case .text(let value): value
        case .record(let kind, let id): name(kind, id) ?? id
        case .count(let value): number(Double(value))
        case .number(let value): number(value)
        case .date(let value): date(value)
        case .term(let key, let fallback): term(key) ?? fallback
        case .list(let items): items.map(render).joined(separator: ", ")
        case .phrase(let inner): render(inner)
        case .empty: ""
        }
    }
}
