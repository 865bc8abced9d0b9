/// Why an uploaded file was refused. Each case is something the person can act on; the pages say
/// it in the person's language, `description` in English for logs and the command line.
public enum IntakeError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case tooLarge(limit: Int)
    /// The name says one format, the content is another.
    case mislabelled(name: String, claimed: FileContent, actual: FileContent)
    /// Content of a kind Kembar does not take (an image, an old `.doc`, an archive, a program).
    case unsupported(FileContent)
    /// Declared as a supported format but broken inside.
    case corrupt(FileContent)
    /// A compressed file that expands far beyond its size.
    case expandsTooFar(limit: Int)

    public var description: String {
        switch self {
        case .empty: "the file is empty"
        case .tooLarge(let limit): "the file is larger than the limit of \(limit) bytes"
        case .mislabelled(let name, let claimed, let actual):
            "\(name) is named as \(claimed.rawValue) but holds \(actual.rawValue)"
        case .unsupported(let content): "files of this kind (\(content.rawValue)) are not taken"
        case .corrupt(let content): "the file claims to be \(content.rawValue) but is damaged"
        case .expandsTooFar(let limit): "the file expands beyond \(limit) bytes when unpacked (a zip bomb?)"
        }
    }
}
