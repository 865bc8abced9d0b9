/// The indicators of the evaluation model (docs/evaluation.md), each belonging to one key element.
public enum IndicatorID: String, CaseIterable, Sendable, Comparable {
    case c1 = "C1"
    case c2 = "C2"
    case c3 = "C3"
    case c4 = "C4"
    case c5 = "C5"
    case p1 = "P1"
    case p2 = "P2"
    case p3 = "P3"
    case u1 = "U1"
    case u2 = "U2"
    case u3 = "U3"
    case u4 = "U4"
    case r1 = "R1"
    case r2 = "R2"
    case r3 = "R3"
    case r4 = "R4"
    case t1 = "T1"
    case t2 = "T2"
    case t3 = "T3"
    case t4 = "T4"
    case t5 = "T5"

    public var element: KeyElement {
        switch self {
        case .c1, .c2, .c3, .c4, .c5: .commitment
        case .p1, .p2, .p3: .communityParticipation
        case .u1, .u2, .u3, .u4: .mutualUnderstanding
        case .r1, .r2, .r3, .r4: .reciprocity
        case .t1, .t2, .t3, .t4, .t5: .tangibleResults
        }
    }

    public var name: String {
        switch self {
        case .c1: "obligation fulfilment"
        case .c2: "continuity"
        case .c3: "resources"
        case .c4: "leadership engagement"
        case .c5: "office capacity"
        case .p1: "stakeholder diversity"
        case .p2: "co-planning"
        case .p3: "reach"
        case .u1: "agreement completeness"
        case .u2: "objective linkage"
        case .u3: "agreement currency"
        case .u4: "information flow"
        case .r1: "visit balance"
        case .r2: "cost sharing"
        case .r3: "two-way benefits"
        case .r4: "initiative balance"
        case .t1: "results recorded"
        case .t2: "evidenced results"
        case .t3: "quantified results"
        case .t4: "delivery against plan"
        case .t5: "sustainability"
        }
    }

    /// Whether a lower value is better (only the office's load).
    public var lowerIsBetter: Bool { self == .c5 }

    /// The defining indicator of each element, which caps it.
    public static func core(of element: KeyElement) -> IndicatorID {
        switch element {
        case .commitment: .c1
        case .communityParticipation: .p2
        case .mutualUnderstanding: .u1
        case .reciprocity: .r3
        case .tangibleResults: .t1
        }
    }

    public static func of(_ element: KeyElement) -> [IndicatorID] {
        allCases.filter { $0.element == element }
    }

    public static func < (lhs: IndicatorID, rhs: IndicatorID) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
