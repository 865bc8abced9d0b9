/// The readable ids Kembar makes from names and titles (`cn-liuzhou`, `rapat-kelompok-kerja-2026`):
/// the ASCII letters and digits of the text, lower-cased, in words joined by hyphens.
public enum Slug {
    /// Nil when the text holds no ASCII letter or digit (a name in another script, say).
    public static func make(_ text: String, maxLength: Int) -> String? {
        var words: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        guard !words.isEmpty else { return nil }
        var slug = String(words.joined(separator: "-").prefix(maxLength))
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }

    /// `base`, or `base-2`, `base-3`… — the first that is not `taken`.
    public static func unused(_ base: String, avoiding taken: Set<String>) -> String {
        var candidate = base
        var suffix = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        return candidate
    }
}
