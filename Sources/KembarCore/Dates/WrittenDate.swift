/// Reads a date as people write it in Indonesia and in English, keeping the precision they gave:
/// `12 November 2026` and `21 Agustus 1997` (a day), `April 2024` and `06/2019` (a month), `2005`
/// (a year), `26/06/2019` (day first, as Indonesia writes it), and the record's own ISO forms
/// with their ranges (`2009-10-05`, `[2006-09..2010]`). The forms and the spreadsheet import read
/// dates with it; the record keeps them in ISO.
public enum WrittenDate {
    public static func read(_ written: String) throws(PartialDate.ParseError) -> PartialDate {
        let text = written.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !text.isEmpty else { throw .malformed(written) }
        do {
            return try PartialDate(parsing: text)
        } catch {
            // ISO in form but not a real day: that is the answer, not a reason to guess further.
            if case .malformed = error {} else { throw error }
        }
        if let numeric = try numeric(text) { return numeric }
        if let named = try named(text) { return named }
        throw .malformed(written)
    }

    /// `26/06/2019`, `26-6-2019`, `26.06.2019` (day, month, year) or `06/2019` (month, year).
    private static func numeric(_ text: String) throws(PartialDate.ParseError) -> PartialDate? {
        let parts = text.split(omittingEmptySubsequences: false) { "/.-".contains($0) }
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[parts.count - 1]), parts[parts.count - 1].count == 4,
            parts.dropLast().allSatisfy({ $0.count <= 2 })
        else { return nil }
        let numbers = parts.dropLast().compactMap { Int($0) }
        if numbers.count == 1 {
            guard let point = DatePoint(year: year, month: numbers[0]) else { throw .impossible(text) }
            return PartialDate(point)
        }
        guard let point = DatePoint(year: year, month: numbers[1], day: numbers[0]) else { throw .impossible(text) }
        return PartialDate(point)
    }

    /// `12 November 2026`, `21 Agt. 1997`, `November 12, 2026`, `April 2024`.
    private static func named(_ text: String) throws(PartialDate.ParseError) -> PartialDate? {
        let words = text.lowercased().split { $0 == " " || $0 == "," }.map { $0.hasSuffix(".") ? $0.dropLast() : $0 }
        var day: Int?
        var month: Int?
        var year: Int?
        for word in words {
            if let number = Int(word), word.allSatisfy(\.isASCIIDigit) {
                if word.count == 4, year == nil {
                    year = number
                } else if word.count <= 2, day == nil {
                    day = number
                } else {
                    return nil
                }
            } else if let named = months[String(word)], month == nil {
                month = named
            } else {
                return nil
            }
        }
        guard let month, let year else { return nil }
        let point = day.map { DatePoint(year: year, month: month, day: $0) } ?? DatePoint(year: year, month: month)
        guard let point else { throw .impossible(text) }
        return PartialDate(point)
    }

    /// Month names and their usual shortenings, in Bahasa Indonesia and English.
    private static let months: [String: Int] = {
        let names: [[String]] = [
            ["januari", "january", "jan"], ["februari", "february", "feb", "pebruari"],
            ["maret", "march", "mar"], ["april", "apr"], ["mei", "may"], ["juni", "june", "jun"],
            ["juli", "july", "jul"], ["agustus", "august", "agu", "agt", "ags", "agus", "aug"],
            ["september", "sep", "sept"], ["oktober", "october", "okt", "oct"],
            ["november", "nov", "nop", "nopember"], ["desember", "december", "des", "dec"],
        ]
        var months: [String: Int] = [:]
        for (index, spellings) in names.enumerated() {
            for spelling in spellings { months[spelling] = index + 1 }
        }
        return months
    }()
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
