/// A day of the proleptic Gregorian calendar, counted from 1970-01-01.
///
/// Kept as a plain day number so date arithmetic is exact and needs no time zone or `Calendar`.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public let ordinal: Int

    public init(ordinal: Int) {
        self.ordinal = ordinal
    }

    /// Returns nil when the triple does not name a real day (for example 2021-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDay.daysIn(month: month, year: year) else {
            return nil
        }
        ordinal = CalendarDay.ordinal(year: year, month: month, day: day)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The civil-to-days algorithm of Howard Hinnant's `chrono`-compatible date library.
    private static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public var components: (year: Int, month: Int, day: Int) {
        let shifted = ordinal + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    public func adding(days: Int) -> CalendarDay {
        CalendarDay(ordinal: ordinal + days)
    }

    public static func - (later: CalendarDay, earlier: CalendarDay) -> Int {
        later.ordinal - earlier.ordinal
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        lhs.ordinal < rhs.ordinal
    }

    /// ISO 8601 extended form, `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = components
        return "\(DateText.pad(year, width: 4))-\(DateText.pad(month, width: 2))-\(DateText.pad(day, width: 2))"
    }
}

enum DateText {
    static func pad(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension CalendarDay {
    /// The same day `years` years later (or earlier); 29 February becomes 28 February.
    public func adding(years: Int) -> CalendarDay {
        adding(months: years * 12)
    }

    /// The same day `months` months later (or earlier), clamped to the end of a shorter month.
    public func adding(months: Int) -> CalendarDay {
        let (year, month, day) = components
        let monthIndex = year * 12 + (month - 1) + months
        let newYear = monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12
        let newMonth = monthIndex - newYear * 12 + 1
        return CalendarDay(
            year: newYear, month: newMonth, day: min(day, CalendarDay.daysIn(month: newMonth, year: newYear)))!
    }

    /// The day written at a precision: `2011`, `2011-01` or `2011-01-01`.
    public func text(precision: DatePoint.Precision) -> String {
        let (year, month, _) = components
        switch precision {
        case .year: return DateText.pad(year, width: 4)
        case .month: return DateText.pad(year, width: 4) + "-" + DateText.pad(month, width: 2)
        case .day: return description
        }
    }

    /// Parses a full ISO 8601 day, `YYYY-MM-DD`; nil for anything else.
    public init?(iso text: String) {
        guard case .point(let point)? = try? PartialDate(parsing: text), point.precision == .day else { return nil }
        self = point.firstDay
    }
}
