/// The codes evidence is coded with: the five key elements, their indicators beneath them, and
/// the sub-codes people add under either. Ordered as a tree, parents before their children.
public struct CodeBook: Sendable {
    public private(set) var codes: [Code]

    /// The elements and indicators, named by `elementName` and `indicatorName` (the page's
    /// language), followed by `subCodes` placed under their parents.
    public init(
        subCodes: [Code] = [], elementName: (KeyElement) -> String = { $0.englishName },
        indicatorName: (IndicatorID) -> String = { "\($0.rawValue) \($0.name)" }
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
                    key: element.rawValue, name: elementName(element), description: element.codeDescription,
                    parent: nil, element: element))
            appendChildren(of: element.rawValue)
            for indicator in IndicatorID.of(element) {
                codes.append(
                    Code(
                        key: indicator.rawValue, name: indicatorName(indicator),
                        description: indicator.codeDescription, parent: element.rawValue, element: element))
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

    /// What the element means, for the code book (UNDP; Tjandradewi & Marcotullio 2009).
    var codeDescription: String {
        switch self {
        case .commitment:
            "Staff, effort, time and money each side puts in; leadership engagement; continuity."
        case .communityParticipation:
            "Non-government actors (NGOs, schools, business, citizens) taking part in planning and activities."
        case .mutualUnderstanding:
            "Clear, shared purpose: agreed objectives, areas and roles; information flowing both ways."
        case .reciprocity: "Benefits, costs, visits and initiative flowing both ways."
        case .tangibleResults: "Results that can be seen, evidenced, quantified and that last."
        }
    }
}

extension IndicatorID {
    /// What evidence of the indicator looks like in a document, for the code book.
    var codeDescription: String {
        switch self {
        case .c1: "Obligations (such as a yearly Joint Working Group meeting) met or missed."
        case .c2: "Activity year after year, or silence and vacuum periods."
        case .c3: "Money, staff-days and in-kind resources each side gives."
        case .c4: "A mayor or senior official taking part."
        case .c5: "The cooperation office's capacity: partnerships per officer."
        case .p1: "Which non-government groups take part, on each side."
        case .p2: "Non-government actors planning activities, not only attending."
        case .p3: "How many people are reached; whether the public is informed."
        case .u1: "What the agreement sets out: objectives, areas, roles, time frame, funding, review."
        case .u2: "Activities tied to the agreed areas and objectives."
        case .u3: "Whether the agreement is in force and reviewed together."
        case .u4: "Meetings and communication between the partners."
        case .r1: "Delegations and visitors in each direction."
        case .r2: "How costs are shared between the sides."
        case .r3: "Benefits to each side, by kind: learning, economic, material, cultural, political, staff."
        case .r4: "Which side initiates and hosts activities."
        case .t1: "Outputs and outcomes of activities."
        case .t2: "Evidence of results: reports, photographs, figures."
        case .t3: "Results with a number: beneficiaries, students, visitors, investment."
        case .t4: "Results delivered against what was planned."
        case .t5: "Results still in use a year later."
        }
    }
}
