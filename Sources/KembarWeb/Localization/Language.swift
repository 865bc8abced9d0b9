/// The languages of the interface. Bahasa Indonesia is the default: the people who use Kembar
/// every day work in it.
public enum Language: String, CaseIterable, Sendable {
    case indonesian = "id"
    case english = "en"

    public static let `default` = Language.indonesian

    /// The name of the language in itself, for the language switch.
    public var nativeName: String {
        switch self {
        case .indonesian: "Bahasa Indonesia"
        case .english: "English"
        }
    }
}
