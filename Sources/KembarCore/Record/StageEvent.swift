/// A step on the path to (and past) an agreement, as prescribed by regulations such as
/// Perda Kota Bandung No. 03/2004.
public struct StageEvent: Hashable, Sendable {
    public enum Stage: String, CaseIterable, Sendable {
        case initiative
        case exploration
        case letterOfIntent = "letter-of-intent"
        case cooperationPlan = "cooperation-plan"
        case councilApproval = "council-approval"
        case verification
        case drafting
        case signing
        case implementation
        case review
        case renewal
        case suspension
        case termination
    }

    public var stage: Stage
    public var date: PartialDate
    public var note: String?

    public init(stage: Stage, date: PartialDate, note: String? = nil) {
        self.stage = stage
        self.date = date
        self.note = note
    }
}
