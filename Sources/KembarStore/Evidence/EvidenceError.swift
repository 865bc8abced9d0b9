import KembarCore

/// Why a coding, a sub-code or an assessment was refused.
public enum EvidenceError: Error, Equatable, Sendable {
    case documentNotFound(String)
    case documentHasNoText(String)
    case quote(QuoteLocator.Problem)
    case unknownCode(String)
    case codeExists(String)
    case excerptNotFound(Int)
    case evidenceNotFound(Int)
}
