import Foundation
import KembarCore

/// Reads typed values out of a form, collecting one message per field in the page's language.
struct FormReader {
    let state: FormState
    let words: Words
    private(set) var errors: [String: String] = [:]

    init(_ state: FormState, words: Words) {
        self.state = state
        self.words = words
    }

    static let maximumText = 2_000
    static let maximumName = 300

    mutating func fail(_ field: String, _ key: String, _ values: [String: String] = [:]) {
        if errors[field] == nil { errors[field] = words.text(key, values) }
    }

    /// Text without control characters (line breaks allowed in `multiline` fields).
    mutating func text(_ name: String, required: Bool, maximum: Int = FormReader.maximumName, multiline: Bool = false)
        -> String?
    {
        let value = state[name].trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty {
            if required { fail(name, "error_required") }
            return nil
        }
        if value.count > maximum {
            fail(name, "error_too_long", ["max": words.count(maximum)])
            return nil
        }
        if value.unicodeScalars.contains(where: { scalar in
            (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
                && !(multiline && (scalar == "\n" || scalar == "\r" || scalar == "\t"))
        }) {
            fail(name, "error_control_characters")
            return nil
        }
        return value
    }

    /// An id: letters, digits, dots, hyphens and underscores; made from `from` when left empty.
    mutating func identifier(_ name: String, from source: String?) -> String? {
        let typed = state[name].trimmingCharacters(in: .whitespaces)
        if typed.isEmpty { return source.map(Self.slug) }
        guard typed.count <= 100,
            typed.unicodeScalars.allSatisfy({
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
            })
        else {
            fail(name, "error_identifier")
            return nil
        }
        return typed
    }

    /// An id made from a title, for forms that leave the id to Kembar.
    static func slug(_ text: String) -> String {
        Slug.make(text, maxLength: 60) ?? "record"
    }

    mutating func date(_ name: String, required: Bool) -> PartialDate? {
        let value = state[name].trimmingCharacters(in: .whitespaces)
        if value.isEmpty {
            if required { fail(name, "error_required") }
            return nil
        }
        do {
            return try WrittenDate.read(value)
        } catch {
            switch error {
            case .malformed: fail(name, "error_date")
            case .impossible: fail(name, "error_date_impossible")
            case .reversedRange: fail(name, "error_date_range")
            }
            return nil
        }
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ name: String, required: Bool) -> T?
    where T.RawValue == String {
        let value = state[name]
        if value.isEmpty {
            if required { fail(name, "error_required") }
            return nil
        }
        guard let choice = T(rawValue: value) else {
            fail(name, "error_choice")
            return nil
        }
        return choice
    }

    mutating func number(_ name: String, required: Bool, range: ClosedRange<Double> = 0...1e15) -> Double? {
        let value = state[name].trimmingCharacters(in: .whitespaces)
        if value.isEmpty {
            if required { fail(name, "error_required") }
            return nil
        }
        // Both "1.5" and "1,5" are read: Indonesian writes a decimal comma.
        let normalized = value.replacingOccurrences(of: " ", with: "")
        guard let number = Double(normalized) ?? Double(normalized.replacingOccurrences(of: ",", with: ".")),
            number.isFinite
        else {
            fail(name, "error_number")
            return nil
        }
        guard range.contains(number) else {
            if number < range.lowerBound, range.lowerBound == 0 {
                fail(name, "error_negative")
            } else {
                fail(
                    name, "error_range", ["min": words.number(range.lowerBound), "max": words.number(range.upperBound)])
            }
            return nil
        }
        return number
    }

    mutating func count(_ name: String) -> Int? {
        guard let number = number(name, required: false) else { return nil }
        guard number == number.rounded() else {
            fail(name, "error_whole_number")
            return nil
        }
        return Int(number)
    }

    func checked(_ name: String) -> Bool {
        !state[name].isEmpty
    }

    /// "" (not known), "yes" or "no".
    mutating func tristate(_ name: String) -> Bool? {
        switch state[name] {
        case "yes": return true
        case "no": return false
        case "": return nil
        default:
            fail(name, "error_choice")
            return nil
        }
    }

    /// "yes" or "no", one of which must be chosen: a choice the form makes on nobody's behalf.
    mutating func yesOrNo(_ name: String) -> Bool? {
        switch state[name] {
        case "yes": return true
        case "no": return false
        default:
            fail(name, "error_choose_yes_no")
            return nil
        }
    }

    /// Non-empty lines of a text area.
    mutating func lines(_ name: String) -> [String] {
        guard let text = text(name, required: false, maximum: 20_000, multiline: true) else { return [] }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }
}
