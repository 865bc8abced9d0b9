import KembarCore

/// The store's refusal of a partnership (it checks the whole partnership inside its write, as the
/// last guard), said in one line on the form; the forms' own checks go field by field through
/// ``FormIssues``.
enum RecordCheck {
    static func describe(_ issues: [ValidationIssue]) -> String {
        issues.map(\.description).joined(separator: "; ")
    }
}
