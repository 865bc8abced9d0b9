/// The codes evidence is coded with: the five key elements, their indicators beneath them, and
/// the sub-codes people add under either. Ordered as a tree, parents before their children.
public struct CodeBook: Sendable {
    public private(set) var codes: [Code]

    /// The elements and indicators, named by `elementName` and `indicatorName` and described by
    /// `describe` (given an element's or indicator's key) in the reader's language, with `subCodes`
    /// placed under their parents. The interface's catalogs hold the names and descriptions.
    public init(
        subCodes: [Code] = [], elementName: (KeyElement) -> String = { $0.englishName },
        indicatorName: (IndicatorID) -> String = { "\($0.rawValue) \($0.name)" },
        describe: (String) -> String = { _ in "" }
    ) {
        var codes: [Code] = []
        let byParent = Dictionary(grouping: subCodes, by: { $0.parent ?? "" })
        func appendChildren(of key: String) {
            for child in (byParent[key] ?? []).sorted(by: { $0.name < $1.name }) {
                codes.append(child)
                appendChildren(of: child.key)
            }
        }
        for element in KeyElement.allCases {
            codes.append(
                Code(
                    key: element.rawValue, name: elementName(element),
                    description: describe(element.rawValue),
                    parent: nil, element: element))
            appendChildren(of: element.rawValue)
            for indicator in IndicatorID.of(element) {
                codes.append(
                    Code(
                        key: indicator.rawValue, name: indicatorName(indicator),
                        description: describe(indicator.rawValue),
                        parent: element.rawValue, element: element))
                appendChildren(of: indicator.rawValue)
            }
        }
        self.codes = codes
    }

    public func code(_ key: String) -> Code? {
        codes.first { $0.key == key }
    }

    public func children(of key: String?) -> [Code] {
        codes.filter { $0.parent == key }
    }

    /// The key a new sub-code named `name` under `parent` gets: readable, and not one of `taken`.
    public static func subCodeKey(name: String, parent: String, avoiding taken: Set<String>) -> String {
        Slug.unused("\(parent)/\(Slug.make(name, maxLength: 40) ?? "code")", avoiding: taken)
    }

    /// The codes from the root down to `key`, for a path such as "commitment / C1 … / minutes".
    public func path(to key: String) -> [Code] {
        guard let code = code(key) else { return [] }
        return (code.parent.map { path(to: $0) } ?? []) + [code]
    }
}

extension KeyElement {
    public var englishName: String {
        switch self {
        case .commitment: "commitment"
        case .communityParticipation: "community participation"
        case .mutualUnderstanding: "mutual understanding"
        case .reciprocity: "reciprocity"
        case .tangibleResults: "tangible results"
        }
    }
}
