import Foundation

/// The words people write in a spreadsheet for countries, kinds and areas, in Bahasa Indonesia
/// and English, as match keys. Country names come from the CLDR data Foundation carries, for every
/// ISO code, in both languages (and in French, German, Spanish, Dutch, Portuguese and Italian, as
/// partners' own papers write them: `Belgique`), with the names people use that CLDR does not
/// (`Tiongkok`, `RRT`, `Inggris`, `Korea`).
public struct ImportVocabulary: Sendable {
    let countries: [String: String]
    let partnershipKinds: [String: Partnership.Kind]
    let agreementTypes: [String: Agreement.Kind]
    let activityKinds: [String: Activity.Kind]
    /// For each area id, the words that name it.
    let areaWords: [(id: String, words: Set<String>)]
    let areaPhrases: [String: String]

    public static let standard = ImportVocabulary()

    private init() {
        countries = Self.countryNames()
        partnershipKinds = Self.keyed(Self.partnershipKindNames)
        agreementTypes = Self.keyed(Self.agreementTypeNames)
        activityKinds = Self.keyed(Self.activityKindNames)
        var phrases: [String: String] = [:]
        var words: [(String, Set<String>)] = []
        for (id, names) in Self.areaNames {
            phrases[MatchKey.of(id)] = id
            var areaWords: Set<String> = []
            for name in names {
                phrases[MatchKey.of(name)] = id
                areaWords.formUnion(MatchKey.words(name).map(String.init).filter { !Self.stopWords.contains($0) })
            }
            words.append((id, areaWords))
        }
        areaPhrases = phrases
        areaWords = words
    }

    /// The ISO code for a country written as a code or a name; nil when unknown.
    public func country(_ written: String) -> String? {
        let trimmed = written.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 2, CountryCode.isValid(trimmed.uppercased()) { return trimmed.uppercased() }
        let key = MatchKey.of(trimmed)
        // CLDR writes "Bosnia & Herzegovina"; people write "and" (or "dan").
        return countries[key]
            ?? countries[key.split(separator: " ").filter { $0 != "and" && $0 != "dan" }.joined(separator: " ")]
    }

    public func partnershipKind(_ written: String) -> Partnership.Kind? {
        let key = MatchKey.of(written)
        return partnershipKinds[key] ?? Partnership.Kind(rawValue: key.replacingOccurrences(of: " ", with: "-"))
    }

    public func agreementType(_ written: String) -> Agreement.Kind? {
        let key = MatchKey.of(written)
        return agreementTypes[key] ?? Agreement.Kind(rawValue: key.replacingOccurrences(of: " ", with: "-"))
    }

    public func activityKind(_ written: String) -> Activity.Kind? {
        let key = MatchKey.of(written)
        return activityKinds[key] ?? Activity.Kind(rawValue: key)
    }

    /// The areas a cell names, several split on `;`, `,` or new lines, and the parts it could not
    /// place. A part is matched by an area's id, by its label or a phrase of it, or by words that
    /// belong to one area's label alone (`Lingkungan Hidup` is the environment's).
    public func areas(_ written: String) -> (ids: [String], unknown: [String]) {
        var ids: [String] = []
        var unknown: [String] = []
        for part in written.split(whereSeparator: { ";,\n\r".contains($0) }) {
            let key = MatchKey.of(String(part))
            guard !key.isEmpty else { continue }
            var found: [String] = []
            if let id = areaPhrases[key] {
                found = [id]
            } else {
                for word in key.split(separator: " ").map(String.init) where !Self.stopWords.contains(word) {
                    let owners = areaWords.filter { $0.words.contains(word) }
                    if owners.count == 1 { found.append(owners[0].id) }
                }
            }
            if found.isEmpty { unknown.append(part.trimmingCharacters(in: .whitespaces)) }
            for id in found where !ids.contains(id) { ids.append(id) }
        }
        return (ids, unknown)
    }

    /// The ids of the areas Kembar names, in the order the catalogs list them.
    public static var areaIDs: [String] { areaNames.map(\.id) }

    private static func keyed<Value>(_ names: [(Value, [String])]) -> [String: Value] {
        var keyed: [String: Value] = [:]
        for (value, spellings) in names {
            for spelling in spellings { keyed[MatchKey.of(spelling)] = value }
        }
        return keyed
    }

    private static func countryNames() -> [String: String] {
        var names: [String: String] = [:]
        // Indonesian and English first; then the languages partners' own documents often use.
        let locales = ["en", "id", "fr", "de", "es", "nl", "pt", "it"].map { Locale(identifier: $0) }
        for code in CountryCode.all.sorted() {
            for locale in locales {
                guard let name = locale.localizedString(forRegionCode: code) else { continue }
                let key = MatchKey.of(name)
                if names[key] == nil { names[key] = code }
            }
        }
        for (code, aliases) in countryAliases {
            for alias in aliases { names[MatchKey.of(alias)] = code }
        }
        return names
    }
}
