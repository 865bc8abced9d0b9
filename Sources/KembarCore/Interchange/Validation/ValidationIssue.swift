/// One thing wrong with a `kembar/1` document, located by its JSON path (`$.partnerships[0].id`).
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case syntax
        case unsupportedFormat
        case unknownField
        case duplicateField
        case missingField
        case wrongType
        case emptyValue
        case invalidText
        case invalidValue
        case malformedDate
        case impossibleDate
        case endBeforeStart
        case negativeNumber
        case notAnInteger
        case outOfRange
        case duplicateId
        case danglingReference
    }

    public let path: String
    public let kind: Kind
    public let message: String

    public init(path: String, kind: Kind, message: String) {
        self.path = path
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// A document that failed validation, with every issue found.
public struct RecordValidationError: Error, Sendable, CustomStringConvertible {
    public let issues: [ValidationIssue]

    public init(issues: [ValidationIssue]) {
        self.issues = issues
    }

    public var description: String {
        let noun = issues.count == 1 ? "error" : "errors"
        return "\(issues.count) \(noun):\n" + issues.map { "  \($0)" }.joined(separator: "\n")
    }
}

/// Collects issues while a document is walked, so that one pass reports all of them.
final class IssueLog {
    private(set) var issues: [ValidationIssue] = []

    func add(_ path: String, _ kind: ValidationIssue.Kind, _ message: String) {
        issues.append(ValidationIssue(path: path, kind: kind, message: message))
    }
}
