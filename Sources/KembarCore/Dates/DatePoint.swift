/// A date known to a year, a month or a day: `2009`, `2009-10`, `2009-10-05`.
///
/// A year-only date is the whole year, not its first day: `firstDay` and `lastDay` bound it.
public struct DatePoint: Hashable, Sendable, CustomStringConvertible {
    public enum Precision: String, Sendable, Comparable {
        case year, month, day

        public static func < (lhs: Precision, rhs: Precision) -> Bool {
            lhs.rank < rhs.rank
        }

        private var rank: Int {
            switch self {
            case .year: 0
            case .month: 1
            case .day: 2
            }
        }
    }

    // Packed small: a national record holds millions of dates. Zero means "not known".
    private let packedYear: Int32
    private let packedMonth: UInt8
    private let packedDay: UInt8

    public var year: Int { Int(packedYear) }
    public var month: Int? { packedMonth == 0 ? nil : Int(packedMonth) }
    public var day: Int? { packedDay == 0 ? nil : Int(packedDay) }

    public var precision: Precision {
        day != nil ? .day : month != nil ? .month : .year
    }

    public init(year: Int) {
        packedYear = Int32(clamping: year)
        packedMonth = 0
        packedDay = 0
    }

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        packedYear = Int32(clamping: year)
        packedMonth = UInt8(month)
        packedDay = 0
    }

    public init?(year: Int, month: Int, day: Int) {
        guard CalendarDay(year: year, month: month, day: day) != nil else { return nil }
        packedYear = Int32(clamping: year)
        packedMonth = UInt8(month)
        packedDay = UInt8(day)
    }

    public init(_ day: CalendarDay) {
        let parts = day.components
        packedYear = Int32(clamping: parts.year)
        packedMonth = UInt8(parts.month)
        packedDay = UInt8(parts.day)
    }

    /// The earliest day the date can mean.
    public var firstDay: CalendarDay {
        // Force-unwraps are safe: every initialiser checked the parts.
        CalendarDay(year: year, month: month ?? 1, day: day ?? 1)!
    }

    /// The latest day the date can mean.
    public var lastDay: CalendarDay {
        let lastMonth = month ?? 12
        return CalendarDay(year: year, month: lastMonth, day: day ?? CalendarDay.daysIn(month: lastMonth, year: year))!
    }

    public var description: String {
        var text = DateText.pad(year, width: 4)
        if let month { text += "-" + DateText.pad(month, width: 2) }
        if let day { text += "-" + DateText.pad(day, width: 2) }
        return text
    }
}
