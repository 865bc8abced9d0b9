import Foundation
import KembarCore

/// Everything a page says in one language: interface strings, the words of the vocabulary,
/// the evaluation's phrases, and numbers, dates and countries formatted for the language.
struct Words: Sendable {
    let language: Language
    let catalog: Catalog
    private let locale: Locale
    /// The partnership whose records the evaluation's phrases name, said by their names.
    private var partnership: Partnership?

    /// Words with no strings, until ``LanguageMiddleware`` gives a request its own; made once.
    static let unset = Words(language: .default, catalog: Catalog(strings: [:]))

    init(language: Language, catalog: Catalog) {
        self.language = language
        self.catalog = catalog
        locale = Locale(identifier: language.rawValue)
    }

    /// An interface string.
    func text(_ key: String) -> String {
        catalog.text(key, language)
    }

    /// An interface string with `{name}` placeholders filled in. `{name:one|other}` picks the
    /// singular when the value is 1, so that English can say "1 agreement" and "2 agreements"
    /// while Indonesian, which does not inflect, simply leaves the choice out. One pass over the
    /// template: a value is never read as a placeholder itself, and a report that says a
    /// hundred thousand of these does not parse a pattern each time.
    func text(_ key: String, _ values: [String: String]) -> String {
        let template = text(key)
        guard template.contains("{") else { return template }
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let inner = rest[rest.index(after: open)..<close]
            if let colon = inner.firstIndex(of: ":"), let bar = inner[colon...].firstIndex(of: "|"),
                inner[..<colon].allSatisfy({ $0.isASCII && $0.isLetter })
            {
                out +=
                    values[String(inner[..<colon])] == "1"
                    ? inner[inner.index(after: colon)..<bar] : inner[inner.index(after: bar)...]
            } else if let value = values[String(inner)] {
                out += value
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    /// A word of the vocabulary (`element.commitment`, `area.economy`, `stage.signing`…).
    func term(_ key: String, fallback: String? = nil) -> String {
        catalog.string("term.\(key)", language) ?? PhraseBook.englishTerms[key] ?? fallback ?? key
    }

    /// Whether the vocabulary has a word for `key`.
    func hasTerm(_ key: String) -> Bool {
        catalog.string("term.\(key)", language) != nil
    }

    /// The name of an enumeration value, e.g. `term(Activity.Kind.visit, "activity-kind")`.
    func term<T: RawRepresentable>(_ value: T, _ family: String) -> String where T.RawValue == String {
        term("\(family).\(value.rawValue)", fallback: value.rawValue)
    }

    var phraseRenderer: PhraseRenderer {
        let catalog = self.catalog
        let language = self.language
        let words = self
        return PhraseRenderer(
            template: { key in
                language == .english ? PhraseBook.english[key] : catalog.string("phrase.\(key)", language)
            },
            term: { key in catalog.string("term.\(key)", language) ?? PhraseBook.englishTerms[key] },
            number: { words.number($0) },
            date: { words.date(text: $0) },
            name: { kind, id in words.partnership.flatMap { words.name(kind, id, in: $0) } })
    }

    /// The same words, saying the records of `partnership` that phrases name by their names
    /// ("MoU 21 September 2006", an obligation's title) rather than their ids.
    func naming(_ partnership: Partnership) -> Words {
        var words = self
        words.partnership = partnership
        return words
    }

    /// A record of the partnership named by ``naming(_:)`` by its name; its id without one.
    func name(of kind: PhraseRecord, _ id: String) -> String {
        partnership.flatMap { name(kind, id, in: $0) } ?? id
    }

    private func name(_ kind: PhraseRecord, _ id: String, in partnership: Partnership) -> String? {
        switch kind {
        case .agreement: partnership.agreements.first { $0.id == id }.map(agreement)
        case .obligation: partnership.obligations.first { $0.id == id }?.title
        case .activity: partnership.activities.first { $0.id == id }?.title
        case .document: partnership.documents.first { $0.id == id }?.title
        }
    }

    func say(_ phrases: [Phrase]) -> String {
        phraseRenderer.render(phrases)
    }

    func number(_ value: Double) -> String {
        // Whole numbers below a thousand read the same in every language, and reports write
        // a hundred thousand of them: they skip the (slow) locale-aware formatter.
        if value.rounded() == value, abs(value) < 1000 { return String(Int(value)) }
        return value.formatted(.number.precision(.fractionLength(0...2)).locale(locale))
    }

    /// A language named by its ISO 639-1 code ("id" → "Indonesian"), or the code when the catalog
    /// does not name it.
    func languageName(_ code: String) -> String {
        catalog.string("language_\(code)", language) ?? code
    }

    /// A limit in bytes as people set it: "25 MB" for whole megabytes (of 1,048,576 bytes), as a
    /// file size otherwise.
    func megabytes(_ bytes: Int) -> String {
        let megabyte = 1024 * 1024
        return bytes >= megabyte && bytes % megabyte == 0 ? "\(count(bytes / megabyte)) MB" : fileSize(bytes)
    }

    /// A file's size for people: "812 KB", "3.4 MB".
    func fileSize(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(count(bytes)) B" }
        if bytes < 1024 * 1024 { return "\(count(bytes / 1024)) KB" }
        return (Double(bytes) / (1024 * 1024)).formatted(.number.precision(.fractionLength(1)).locale(locale)) + " MB"
    }

    func count(_ value: Int) -> String {
        if abs(value) < 1000 { return String(value) }
        return value.formatted(.number.locale(locale))
    }

    func percent(_ value: Double) -> String {
        (value * 100).formatted(.number.precision(.fractionLength(0)).locale(locale)) + " %"
    }

    /// `2018`, `Oktober 2019`, `21 September 2006`; ranges read "between … and …", "… or earlier".
    func date(_ date: PartialDate) -> String {
        switch date {
        case .point(let point):
            return self.point(point)
        case .range(let earliest?, let latest?):
            return text("date_between", ["from": point(earliest), "to": point(latest)])
        case .range(nil, let latest?):
            return text("date_or_earlier", ["date": point(latest)])
        case .range(let earliest?, nil):
            return text("date_or_later", ["date": point(earliest)])
        case .range(nil, nil):
            return "—"
        }
    }

    /// A stored date text; said as written when it does not parse.
    func date(text value: String) -> String {
        (try? PartialDate(parsing: value)).map(date) ?? value
    }

    func day(_ day: CalendarDay) -> String {
        point(DatePoint(day))
    }

    private func point(_ point: DatePoint) -> String {
        let year = String(point.year)
        guard let month = point.month else { return year }
        let monthName = text("month_\(month)")
        guard let day = point.day else { return "\(monthName) \(year)" }
        return "\(day) \(monthName) \(year)"
    }

    /// A stretch of days said the way people say it: days, then months, then years.
    func duration(days: Int) -> String {
        if days < 60 { return text("duration_days", ["n": count(days)]) }
        if days < 730 { return text("duration_months", ["n": count(days / 30)]) }
        return text("duration_years", ["n": number((Double(days) / 365.25 * 10).rounded(.down) / 10)])
    }

    /// Every country, by its name in the interface language, for a choice of country.
    var countries: [(code: String, name: String)] {
        CountryCode.all.map { ($0, country($0)) }.sorted {
            $0.name.compare($1.name, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedAscending
        }
    }

    /// The country's name in the interface language, from the ICU data Foundation carries.
    func country(_ code: String) -> String {
        // ICU's current short form for CN reads "China mainland"; people say China / Tiongkok.
        if code == "CN" { return text("country_CN") }
        return locale.localizedString(forRegionCode: code) ?? code
    }
}
