/// What a signed-in person may do. The public (no account) is not a role: it is the absence of one.
public enum Role: String, CaseIterable, Sendable {
    /// Manages the accounts of its government (or of the whole deployment) and may do all an officer does.
    case admin
    /// Keeps the record of its government: reads and changes everything of it.
    case officer
    /// Leadership: reads everything of its government, changes nothing.
    case viewer
    /// The liaison of one partner: reads that one partnership and proposes activities to it.
    case partner
    /// Reads everything of its government to evaluate it; codes evidence and writes assessments.
    case researcher
}
