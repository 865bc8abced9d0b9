/// The rules a single value of the record must follow, whether it arrives as JSON (the decoder)
/// or as a typed value built by a form or the API (``RecordValidator``): one wording and one
/// issue kind for each, wherever the value came from.
enum FieldRules {
    static let maximumIdentifierLength = 200

    /// What is wrong with a text of `kind`, if anything.
    static func textProblem(_ text: String, kind: TextKind) -> (kind: ValidationIssue.Kind, message: String)? {
        let forbidsLineBreaks = kind == .identifier
        if let bad = text.unicodeScalars.first(where: { scalar in
            isControl(scalar) && (forbidsLineBreaks || !(scalar == "\n" || scalar == "\t" || scalar == "\r"))
        }) {
            return (.invalidText, "contains the control character U+\(hex(bad.value)), which is not allowed here")
        }
        switch kind {
        case .optionalText:
            return nil
        case .text:
            return text.allSatisfy(\.isWhitespace) ? (.emptyValue, "must not be empty") : nil
        case .identifier:
            if text.isEmpty || text.allSatisfy(\.isWhitespace) { return (.emptyValue, "must not be empty") }
            if text.first!.isWhitespace || text.last!.isWhitespace {
                return (.invalidText, "must not begin or end with spaces: \"\(text)\"")
            }
            if text.count > maximumIdentifierLength {
                return (.invalidText, "is longer than \(maximumIdentifierLength) characters")
            }
            return nil
        }
    }

    static func countryProblem(_ code: String) -> String? {
        CountryCode.isValid(code)
            ? nil : "\"\(code)\" is not an ISO 3166-1 alpha-2 country code (two capital letters, e.g. ID, CN)"
    }

    static func wikidataProblem(_ text: String) -> String? {
        let digits = text.dropFirst()
        let valid =
            text.count >= 2 && text.first == "Q" && digits.allSatisfy { $0.isASCII && $0.isNumber }
            && digits.first != "0"
        return valid ? nil : "\"\(text)\" is not a Wikidata item id (Q followed by digits, e.g. Q1993)"
    }

    static func currencyProblem(_ text: String) -> String? {
        let valid = text.utf8.count == 3 && text.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
        return valid ? nil : "\"\(text)\" is not an ISO 4217 currency code (three capital letters, e.g. IDR)"
    }

    static func languageProblem(_ text: String) -> String? {
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false)
        let valid: Bool
        if let primary = subtags.first, (2...3).contains(primary.count),
            primary.allSatisfy({ $0.isASCII && $0.isLowercase })
        {
            valid = subtags.dropFirst().allSatisfy { subtag in
                (1...8).contains(subtag.count) && subtag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            }
        } else {
            valid = false
        }
        return valid ? nil : "\"\(text)\" is not a BCP 47 language tag (e.g. id, en, zh-Hans)"
    }

    /// What is wrong with a number that must lie in `range`, if anything.
    static func numberProblem(_ number: Double, range: ClosedRange<Double>) -> (
        kind: ValidationIssue.Kind, message: String
    )? {
        guard !range.contains(number) else { return nil }
        if range.lowerBound == 0, number < 0 {
            return (.negativeNumber, "must not be negative, found \(JSONWriter.format(number))")
        }
        return (
            .outOfRange,
            "must lie between \(JSONWriter.format(range.lowerBound)) and \(JSONWriter.format(range.upperBound)), found \(JSONWriter.format(number))"
        )
    }

    /// An end before its start, when both are known well enough to tell.
    static func orderProblem(_ start: PartialDate, _ end: PartialDate, startName: String) -> String? {
        guard let endLatest = end.latestDay, let startEarliest = start.earliestDay, endLatest < startEarliest else {
            return nil
        }
        return "\(end) is before \(startName) \(start)"
    }

    static let latitudes: ClosedRange<Double> = -90...90
    static let longitudes: ClosedRange<Double> = -180...180
    static let amounts: ClosedRange<Double> = 0...Double.greatestFiniteMagnitude

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
