/// One code of the code book: a key element, one of its indicators, or a sub-code people added
/// under either.
public struct Code: Hashable, Sendable {
    /// `commitment`, `C1`, or for a sub-code its parent's key and its own slug: `C1/jwg-minutes`.
    public var key: String
    public var name: String
    public var description: String
    /// The key of the code it belongs under (nil for a key element).
    public var parent: String?
    public var element: KeyElement

    public init(key: String, name: String, description: String, parent: String?, element: KeyElement) {
        self.key = key
        self.name = name
        self.description = description
        self.parent = parent
        self.element = element
    }

    /// Whether people added it (the elements and indicators come with Kembar).
    public var isSubCode: Bool { key.contains("/") }
}
