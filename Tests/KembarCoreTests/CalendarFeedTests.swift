import Foundation
import KembarCore
import KembarTestSupport
import Testing

/// The entries of the calendar feeds, and the iCalendar text they are written in.
@Suite struct CalendarFeedTests {
    static let today = RecordBuilder.day("2026-06-15")

    static func partnership() -> Partnership {
        var builder = RecordBuilder()
        builder.agreement("mou", signed: "2016-03-01", until: "2021-03-01")
        builder.agreement("renewal", signed: "2021-02-01", until: "2027-02-28")
        builder.partnership.agreements[1].supersedes = "mou"
        builder.yearlyMeeting(from: "2017", agreement: "renewal")
        builder.activity("meeting-2025", "2025-09-10", kind: .meeting, fulfils: ["meeting"])
        builder.activity("past", "2026-01-10")
        builder.activity("festival", "2026-08-01")
        builder.partnership.activities[2].end = RecordBuilder.date("2026-08-03")
        builder.activity("vague", "2026-10")
        builder.activity("much-later", "2028-05-01")
        return builder.partnership
    }

    @Test func holdsTheObligationsAgreementsAndActivitiesWithinAYear() {
        let entries = CalendarFeed.entries([Self.partnership()], today: Self.today)
        let byUID = Dictionary(uniqueKeysWithValues: entries.map { ($0.uid, $0) })
        // The meeting's periods ending from a year back to a year ahead; 2025's was held.
        let meetings = entries.compactMap { entry -> ObligationOccurrence? in
            if case .obligationDue(_, let occurrence) = entry.kind { return occurrence }
            return nil
        }
        #expect(meetings.map(\.due.description) == ["2025-12-31", "2026-12-31"])
        #expect(meetings.map(\.status) == [.met, .due])
        // Only the agreement that stands, on its last day, with the policy's notices.
        #expect(byUID["agreement-contoh-mitra-mou-expiry"] == nil)
        let renewal = byUID["agreement-contoh-mitra-renewal-expiry"]
        #expect(renewal?.first == RecordBuilder.day("2027-02-28"))
        if case .agreementExpires(_, let notices) = renewal?.kind {
            #expect(notices == EvaluationPolicy.standard.agreementNoticeDays.sorted(by: >))
        } else {
            Issue.record("no expiry entry")
        }
        // Activities still to come, within the year: a three-day festival, a month-long "October".
        #expect(byUID["activity-contoh-mitra-past"] == nil)
        #expect(byUID["activity-contoh-mitra-much-later"] == nil)
        let festival = byUID["activity-contoh-mitra-festival"]
        #expect(festival?.first == RecordBuilder.day("2026-08-01") && festival?.last == RecordBuilder.day("2026-08-03"))
        #expect(festival?.exact == true)
        let vague = byUID["activity-contoh-mitra-vague"]
        #expect(vague?.first == RecordBuilder.day("2026-10-01") && vague?.last == RecordBuilder.day("2026-10-31"))
        #expect(vague?.exact == false)
        // In date order.
        #expect(entries.map(\.first) == entries.map(\.first).sorted())
    }

    @Test func aPublicFeedChoosesItsActivitiesAndLeavesObligationsOut() {
        var partnership = Self.partnership()
        partnership.activities[2].isPublic = false
        let entries = CalendarFeed.entries(
            [partnership], today: Self.today, activities: \.isPublic, obligations: false)
        #expect(entries.map(\.uid) == ["activity-contoh-mitra-vague"])
    }

    @Test func aYearLongDateStandsOnItsFirstDayOnly() {
        var builder = RecordBuilder()
        builder.activity("next-year", "2027")
        let entry = CalendarFeed.entries([builder.partnership], today: Self.today).first
        #expect(entry?.first == RecordBuilder.day("2027-01-01") && entry?.last == RecordBuilder.day("2027-01-01"))
    }

    @Test func writesICalendarWithEscapesFoldsAndAllDayDates() {
        let calendar = ICalendar(
            name: "Kembar: Kota, Contoh",
            events: [
                ICalendar.Event(
                    uid: "activity-a", first: RecordBuilder.day("2026-08-01"), last: RecordBuilder.day("2026-08-03"),
                    summary: "柳州: " + String(repeating: "漢", count: 30), description: "one; two\nthree \\ four",
                    remindDaysBefore: [90, 30])
            ], stamp: RecordBuilder.day("2026-06-15"))
        let text = calendar.text
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.hasSuffix("END:VEVENT\r\nEND:VCALENDAR\r\n"))
        #expect(text.contains("X-WR-CALNAME:Kembar: Kota\\, Contoh\r\n"))
        #expect(text.contains("DTSTART;VALUE=DATE:20260801\r\nDTEND;VALUE=DATE:20260804\r\n"))
        #expect(text.contains("DTSTAMP:20260615T000000Z"))
        #expect(text.contains("UID:activity-a@kembar"))
        #expect(text.contains("DESCRIPTION:one\\; two\\nthree \\\\ four"))
        #expect(text.contains("TRIGGER:-P90D") && text.contains("TRIGGER:-P30D"))
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        // Unfolded, the summary is whole: no character was cut.
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:柳州: " + String(repeating: "漢", count: 30) + "\r\n"))
        #expect(!text.contains("\n\n"))
    }
}
