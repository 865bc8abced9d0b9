import Foundation

/// The form in which a header or a value written by a person is compared with the words Kembar
/// knows: lower-cased, without accents, punctuation as spaces, spaces single. `Liège`, `LIEGE`
/// and ` liège ` are one key; so are `Tanggal  MoU` and `tanggal mou`.
public enum MatchKey {
    public static func of(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var key = ""
        key.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingSpace && !key.isEmpty { key.unicodeScalars.append(" ") }
                pendingSpace = false
                key.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" {
                continue
            } else {
                pendingSpace = true
            }
        }
        return key
    }

    /// The words of the key, for matching a value against the words of a longer label.
    public static func words(_ text: String) -> [Substring] {
        of(text).split(separator: " ")
    }
}
