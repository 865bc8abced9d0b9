import Foundation

/// What a form was opened on, kept in the form as a fingerprint of the fields the record filled
/// in, so that saving can tell whether someone else saved the same record in between. Without it
/// the second of two officers editing one activity would silently undo the first one's change.
///
/// The fingerprint detects change, it does not protect anything: someone who forges it only
/// skips their own warning. So a fast non-cryptographic hash (FNV-1a, 64 bits) does.
enum EditBasis {
    /// The hidden field that carries the fingerprint.
    static let field = "basis"

    /// Fields of the form's own workings, not of the record.
    private static let controls: Set<String> = [field, "_csrf", "save", "more", "website"]

    /// The fingerprint of the record's fields as the form shows them.
    static func of(_ state: FormState) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            // A separator no text contains, so that ["ab"] and ["a", "b"] differ.
            hash ^= 0xff
            hash = hash &* 0x0000_0100_0000_01b3
        }
        for (name, values) in state.values.sorted(by: { $0.key < $1.key }) where !controls.contains(name) {
            // A field the record leaves empty is the same whether or not it is listed.
            guard values.contains(where: { !$0.isEmpty }) else { continue }
            add(name)
            values.forEach(add)
        }
        return String(hash, radix: 16)
    }

    /// `state` (a record as stored, made into the form's fields) with its fingerprint in the hidden field.
    static func stamped(_ state: FormState) -> FormState {
        var stamped = state
        stamped[field] = of(state)
        return stamped
    }

    /// Whether the form was opened on another version of the record than `current`, so that
    /// saving it would undo a change. A form sent without a fingerprint (by a script) is not
    /// checked, and neither is one whose entries are what is saved now (sent again after its own
    /// save, or the same change made twice): saving it loses nothing.
    static func isOutdated(_ submitted: FormState, current: FormState) -> Bool {
        let basis = submitted[field]
        guard !basis.isEmpty else { return false }
        let now = of(current)
        return basis != now && of(submitted) != now
    }

    /// The hidden field to put in the form, if the form carries a fingerprint.
    static func hidden(_ state: FormState) -> [FormPage.HiddenField] {
        state[field].isEmpty ? [] : [FormPage.HiddenField(name: field, value: state[field])]
    }
}
