import Foundation

/// Writes calendars in the iCalendar format (RFC 5545) that calendar programs subscribe to:
/// CRLF line ends, lines folded at 75 octets without splitting a character, text escaped.
public struct ICalendar: Sendable {
    public struct Event: Sendable {
        public var uid: String
        /// All-day: the first day, and the last (DTEND is the day after, as the format counts).
        public var first: CalendarDay
        public var last: CalendarDay
        public var summary: String
        public var description: String
        public var url: String?
        public var categories: [String]
        /// Days before the start at which to remind (VALARM).
        public var remindDaysBefore: [Int]

        public init(
            uid: String, first: CalendarDay, last: CalendarDay, summary: String, description: String,
            url: String? = nil, categories: [String] = [], remindDaysBefore: [Int] = []
        ) {
            self.uid = uid
            self.first = first
            self.last = last
            self.summary = summary
            self.description = description
            self.url = url
            self.categories = categories
            self.remindDaysBefore = remindDaysBefore
        }
    }

    public var name: String
    public var events: [Event]
    /// Written as each event's DTSTAMP: the day the feed was made, at midnight UTC.
    public var stamp: CalendarDay
    /// The domain after `@` in every UID.
    public var domain: String

    public init(name: String, events: [Event], stamp: CalendarDay, domain: String = "kembar") {
        self.name = name
        self.events = events
        self.stamp = stamp
        self.domain = domain
    }

    public var text: String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kembar//Kembar//ID", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "NAME:" + Self.escape(name), "X-WR-CALNAME:" + Self.escape(name), "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
            "X-PUBLISHED-TTL:PT12H",
        ]
        let stamp = Self.basic(self.stamp) + "T000000Z"
        for event in events {
            lines += [
                "BEGIN:VEVENT", "UID:\(Self.escape(event.uid))@\(domain)", "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(Self.basic(event.first))",
                "DTEND;VALUE=DATE:\(Self.basic(event.last.adding(days: 1)))",
                "SUMMARY:" + Self.escape(event.summary), "DESCRIPTION:" + Self.escape(event.description),
                "TRANSP:TRANSPARENT",
            ]
            if let url = event.url { lines.append("URL:" + url) }
            if !event.categories.isEmpty {
                lines.append("CATEGORIES:" + event.categories.map(Self.escape).joined(separator: ","))
            }
            for days in event.remindDaysBefore {
                lines += [
                    "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P\(days)D", "DESCRIPTION:" + Self.escape(event.summary),
                    "END:VALARM",
                ]
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT as RFC 5545 §3.3.11 writes it.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Splits a line into pieces of at most 75 octets, each continuation starting with a space,
    /// never inside a character's UTF-8 bytes.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var pieces: [String] = []
        var current = ""
        var size = 0
        for scalar in line.unicodeScalars {
            let width = String(scalar).utf8.count
            let limit = pieces.isEmpty ? 75 : 74
            if size + width > limit {
                pieces.append(current)
                current = ""
                size = 0
            }
            current.unicodeScalars.append(scalar)
            size += width
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }

    static func basic(_ day: CalendarDay) -> String {
        day.description.replacingOccurrences(of: "-", with: "")
    }
}
