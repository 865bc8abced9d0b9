import Foundation

/// The interface strings of every language, loaded from `Resources/catalogs/<language>.json`
/// (flat objects of key → text). Keeping them out of the code lets a translator work alone, and
/// a test proves both catalogs hold the same keys.
public struct Catalog: Sendable {
    private let strings: [Language: [String: String]]

    public init(strings: [Language: [String: String]]) {
        self.strings = strings
    }

    public static func bundled() throws -> Catalog {
        var strings: [Language: [String: String]] = [:]
        for language in Language.allCases {
            guard
                let url = Bundle.module.url(
                    forResource: language.rawValue, withExtension: "json", subdirectory: "catalogs")
            else { throw CatalogError.missing(language.rawValue) }
            let decoded = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
            strings[language] = decoded
        }
        return Catalog(strings: strings)
    }

    /// Every string of a language, for templates (`{{t.key}}`).
    public func table(_ language: Language) -> [String: String] {
        strings[language] ?? [:]
    }

    /// One string; a missing key shows as itself so that the gap is visible rather than blank.
    public func text(_ key: String, _ language: Language) -> String {
        strings[language]?[key] ?? key
    }

    /// One string, or nil when the catalog lacks it.
    public func string(_ key: String, _ language: Language) -> String? {
        strings[language]?[key]
    }

    public func keys(_ language: Language) -> Set<String> {
        Set(strings[language]?.keys ?? [:].keys)
    }
}

enum CatalogError: Error, CustomStringConvertible {
    case missing(String)

    var description: String {
        switch self {
        case .missing(let language): "the catalog for language \"\(language)\" is missing from the bundle"
        }
    }
}
