import Foundation

/// A date in the record, as precise as history allows.
///
/// Either a single ``DatePoint`` (`2009`, `2009-10`, `2009-10-05`), or, when only bounds are known,
/// an ISO 8601-2 "one of a set" range: `[2006-09-21..2010]` (some time between the two),
/// `[..2010]` (in 2010 or before) or `[2018..]` (in 2018 or after). A range keeps the record
/// honest where a source says "before 2011" without giving a year.
public enum PartialDate: Hashable, Sendable, CustomStringConvertible {
    case point(DatePoint)
    /// At least one bound is present, and `earliest` does not start after `latest` ends.
    case range(earliest: DatePoint?, latest: DatePoint?)

    public enum ParseError: Error, Equatable, Sendable {
        /// The text is not in any of the accepted forms.
        case malformed(String)
        /// The form is right but the day does not exist (month 13, 30 February).
        case impossible(String)
        /// A range whose first bound lies after its second.
        case reversedRange(String)
    }

    public init(parsing text: String) throws(ParseError) {
        if text.hasPrefix("[") {
            guard text.hasSuffix("]"), text.count >= 5 else { throw .malformed(text) }
            let inner = text.dropFirst().dropLast()
            guard let separator = inner.range(of: "..") else { throw .malformed(text) }
            let lowerText = inner[inner.startIndex..<separator.lowerBound]
            let upperText = inner[separator.upperBound...]
            guard !(lowerText.isEmpty && upperText.isEmpty) else { throw .malformed(text) }
            let lower = lowerText.isEmpty ? nil : try PartialDate.parsePoint(lowerText, whole: text)
            let upper = upperText.isEmpty ? nil : try PartialDate.parsePoint(upperText, whole: text)
            if let lower, let upper, upper.lastDay < lower.firstDay { throw .reversedRange(text) }
            self = .range(earliest: lower, latest: upper)
        } else {
            self = .point(try PartialDate.parsePoint(Substring(text), whole: text))
        }
    }

    public init(_ point: DatePoint) {
        self = .point(point)
    }

    /// The first day the date can mean; nil when the range is open at the start.
    public var earliestDay: CalendarDay? {
        switch self {
        case .point(let point): point.firstDay
        case .range(let earliest, _): earliest?.firstDay
        }
    }

    /// The last day the date can mean; nil when the range is open at the end.
    public var latestDay: CalendarDay? {
        switch self {
        case .point(let point): point.lastDay
        case .range(_, let latest): latest?.lastDay
        }
    }

    public var description: String {
        switch self {
        case .point(let point): point.description
        case .range(let earliest, let latest):
            "[\(earliest?.description ?? "")..\(latest?.description ?? "")]"
        }
    }

    private static func parsePoint(_ text: Substring, whole: String) throws(ParseError) -> DatePoint {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count) else { throw .malformed(whole) }
        var numbers: [Int] = []
        for (index, part) in parts.enumerated() {
            guard part.utf8.count == widths[index], part.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                let number = Int(part)
            else { throw .malformed(whole) }
            numbers.append(number)
        }
        guard numbers[0] >= 1 else { throw .impossible(whole) }
        switch numbers.count {
        case 1:
            return DatePoint(year: numbers[0])
        case 2:
            guard let point = DatePoint(year: numbers[0], month: numbers[1]) else { throw .impossible(whole) }
            return point
        default:
            guard let point = DatePoint(year: numbers[0], month: numbers[1], day: numbers[2]) else {
                throw .impossible(whole)
            }
            return point
        }
    }
}

extension PartialDate {
    /// The known bound that begins the date (for a one-sided range, its only bound).
    public var startPoint: DatePoint {
        switch self {
        case .point(let point): point
        case .range(let earliest, let latest): (earliest ?? latest)!
        }
    }

    /// The known bound that ends the date (for a one-sided range, its only bound).
    public var endPoint: DatePoint {
        switch self {
        case .point(let point): point
        case .range(let earliest, let latest): (latest ?? earliest)!
        }
    }

    /// The days the date can mean, with a one-sided range read at its known bound.
    public var span: ClosedRange<CalendarDay> {
        startPoint.firstDay...endPoint.lastDay
    }
}
