import KembarCore
import Testing

@Suite struct PartialDateTests {
    @Test(arguments: ["2009", "2009-10", "2009-10-05", "[2006-09-21..2010]", "[..2010]", "[2018..]", "2020-02-29"])
    func keepsItsTextAndPrecision(text: String) throws {
        #expect(try PartialDate(parsing: text).description == text)
    }

    @Test func aYearIsAWholeYearNotItsFirstDay() throws {
        let year = try PartialDate(parsing: "2009")
        #expect(year.earliestDay == CalendarDay(year: 2009, month: 1, day: 1))
        #expect(year.latestDay == CalendarDay(year: 2009, month: 12, day: 31))
        let month = try PartialDate(parsing: "2024-02")
        #expect(month.latestDay == CalendarDay(year: 2024, month: 2, day: 29))
    }

    @Test func aRangeSpansItsBoundsAndMayBeOpen() throws {
        let range = try PartialDate(parsing: "[2006-09-21..2010]")
        #expect(range.earliestDay == CalendarDay(year: 2006, month: 9, day: 21))
        #expect(range.latestDay == CalendarDay(year: 2010, month: 12, day: 31))
        let beforeOnly = try PartialDate(parsing: "[..2010]")
        #expect(beforeOnly.earliestDay == nil)
        #expect(beforeOnly.latestDay == CalendarDay(year: 2010, month: 12, day: 31))
    }

    @Test(arguments: [
        "21-01-01", "2021-1-5", "2021/01/05", "", "2021-01-05T00:00", " 2021", "2021-01-05 ", "[..]", "[2010",
        "2010..2011", "２０２１", "+2021",
    ])
    func rejectsMalformedText(text: String) {
        #expect(throws: PartialDate.ParseError.malformed(text)) { try PartialDate(parsing: text) }
    }

    @Test(arguments: ["2021-02-30", "2021-02-29", "2021-13", "2021-00", "2021-04-31", "0000", "2021-01-00"])
    func rejectsDaysThatDoNotExist(text: String) {
        #expect(throws: PartialDate.ParseError.impossible(text)) { try PartialDate(parsing: text) }
    }

    @Test func rejectsARangeThatRunsBackwards() {
        #expect(throws: PartialDate.ParseError.reversedRange("[2011..2010]")) {
            try PartialDate(parsing: "[2011..2010]")
        }
    }
}

@Suite struct CalendarDayTests {
    @Test func countsDaysFromTheUnixEpoch() {
        #expect(CalendarDay(year: 1970, month: 1, day: 1)?.ordinal == 0)
        #expect(CalendarDay(year: 2000, month: 3, day: 1)?.ordinal == 11_017)
        #expect(CalendarDay(year: 1969, month: 12, day: 31)?.ordinal == -1)
    }

    @Test func measuresTheBandungLiuzhouVacuum() throws {
        let from = try #require(CalendarDay(year: 2011, month: 1, day: 1))
        let to = try #require(CalendarDay(year: 2018, month: 1, day: 1))
        #expect(to - from == 2557)
    }

    @Test func convertsBackToItsComponentsOverFourCenturies() {
        var day = CalendarDay(year: 1800, month: 1, day: 1)!
        let end = CalendarDay(year: 2200, month: 12, day: 31)!
        while day <= end {
            let (year, month, dayOfMonth) = day.components
            #expect(CalendarDay(year: year, month: month, day: dayOfMonth) == day)
            day = day.adding(days: 1)
        }
        #expect(CalendarDay(year: 2100, month: 2, day: 29) == nil)
        #expect(CalendarDay(year: 2000, month: 2, day: 29) != nil)
    }
}
