/// How large an upload may be, and how far its compressed parts may expand.
public struct IntakeLimits: Sendable {
    /// The largest file taken, in bytes (default 25 MB).
    public var maximumBytes: Int
    /// The most one compressed part (a DOCX's text) may expand to. Real documents expand 5–20 times;
    /// a zip bomb expands thousands of times, and is stopped here.
    public var maximumExpandedBytes: Int

    public static let standard = IntakeLimits(maximumBytes: 25 * 1024 * 1024)

    public init(maximumBytes: Int, maximumExpandedBytes: Int? = nil) {
        self.maximumBytes = maximumBytes
        self.maximumExpandedBytes = maximumExpandedBytes ?? max(maximumBytes * 8, 64 * 1024 * 1024)
    }
}
