import Foundation
import KembarCore
import KembarTestSupport
import Testing

/// The yearly report to the Ministry of Home Affairs, as values.
@Suite struct AnnualReportTests {
    static let endOf2022 = RecordBuilder.day("2026-12-01")

    static func period(_ year: Int, today: CalendarDay = endOf2022) -> ReportPeriod {
        ReportPeriod(year: year, today: today)!
    }

    static func partnership(
        _ id: String, partner kind: Partner.Kind, name: String, build: (inout RecordBuilder) -> Void = { _ in }
    ) -> Partnership {
        var builder = RecordBuilder()
        builder.partnership = Partnership(
            id: id, kind: kind == .city ? .sisterCity : .institution,
            partner: Partner(name: name, country: "JP", kind: kind))
        build(&builder)
        return builder.partnership
    }

    static func record(_ partnerships: [Partnership]) -> CooperationRecord {
        var record = RecordBuilder().record
        record.partnerships = partnerships
        return record
    }

    @Test func filesLocalGovernmentsAsKSDPLAndInstitutionsAsKSDLL() {
        #expect(ReportCategory(Partner(name: "A", country: "JP", kind: .city)) == .ksdpl)
        #expect(ReportCategory(Partner(name: "A", country: "JP", kind: .regency)) == .ksdpl)
        #expect(ReportCategory(Partner(name: "A", country: "JP", kind: .province)) == .ksdpl)
        #expect(ReportCategory(Partner(name: "A", country: "JP", kind: .institution)) == .ksdll)
        #expect(ReportCategory(Partner(name: "A", country: "JP", kind: .nationalGovernment)) == .ksdll)
        let record = Self.record([
            Self.partnership("jica", partner: .institution, name: "JICA") { $0.agreement(signed: "2019") },
            Self.partnership("zeta", partner: .city, name: "Zeta") { $0.agreement(signed: "2019") },
            Self.partnership("alpha", partner: .province, name: "Alpha") { $0.agreement(signed: "2019") },
        ])
        let report = AnnualReport(record: record, period: Self.period(2022))
        #expect(report.cooperations.map(\.partnership.id) == ["alpha", "zeta", "jica"])
        #expect(report.cooperations(.ksdll).map(\.partnership.id) == ["jica"])
    }

    @Test func aRunningYearIsJudgedOnTheDayOfTheReport() {
        let today = RecordBuilder.day("2026-06-15")
        #expect(ReportPeriod(year: 2026, today: today)?.asOf == today)
        #expect(ReportPeriod(year: 2026, today: today)?.isComplete == false)
        #expect(ReportPeriod(year: 2025, today: today)?.asOf == RecordBuilder.day("2025-12-31"))
        #expect(ReportPeriod(year: 2027, today: today) == nil)
        #expect(ReportPeriod(year: 0, today: today) == nil)
    }

    @Test func theYearsActivitiesAreThoseThatRanInIt() {
        let partnership = Self.partnership("p", partner: .city, name: "P") { builder in
            builder.agreement(signed: "2010")
            builder.activity("in-year", "2022-04")
            builder.activity("year-only", "2022")
            builder.activity("before", "2021-12-30")
            builder.activity("uncertain-inside", "[2022-02..2022-05]")
            builder.activity("uncertain-across", "[2021..2023]")
            builder.activity("across-new-year", "2021-12-20")
            builder.partnership.activities[builder.partnership.activities.count - 1].end = RecordBuilder.date(
                "2022-01-05")
        }
        let report = AnnualReport(record: Self.record([partnership]), period: Self.period(2022))
        let ids = Set(report.cooperations[0].activities.map(\.id))
        #expect(ids == ["in-year", "year-only", "uncertain-inside", "across-new-year"])
        // Ordered by date.
        #expect(report.cooperations[0].activities.first?.id == "across-new-year")
        let running = AnnualReport(
            record: Self.record([partnership]), period: Self.period(2022, today: RecordBuilder.day("2022-03-01")))
        // Early in the year, what cannot have begun yet (April) is not reported; "2022" may have.
        #expect(
            Set(running.cooperations[0].activities.map(\.id)) == ["across-new-year", "year-only", "uncertain-inside"])
    }

    @Test func reportsTheCooperationsThatExistedThatYear() {
        let ended = Self.partnership("ended", partner: .city, name: "Ended") { builder in
            builder.agreement(signed: "2010")
            builder.partnership.stages = [StageEvent(stage: .termination, date: RecordBuilder.date("2019-05-01"))]
        }
        let endedThisYear = Self.partnership("ended-now", partner: .city, name: "Now") { builder in
            builder.agreement(signed: "2010")
            builder.partnership.stages = [StageEvent(stage: .termination, date: RecordBuilder.date("2022-05-01"))]
        }
        let later = Self.partnership("later", partner: .city, name: "Later") { $0.agreement(signed: "2024-01-10") }
        let undated = Self.partnership("undated", partner: .city, name: "Undated")
        let report = AnnualReport(
            record: Self.record([ended, endedThisYear, later, undated]), period: Self.period(2022))
        #expect(report.cooperations.map(\.partnership.id) == ["ended-now", "undated"])
        #expect(report.cooperations[0].stage?.stage == .termination)
        #expect(report.cooperations[0].followUp.isEmpty)
    }

    @Test func theLegalBasisSaysWhichAgreementStands() {
        let partnership = Self.partnership("p", partner: .city, name: "P") { builder in
            builder.agreement("loi", signed: "2008", areas: ["health"], type: .loi)
            builder.agreement("mou", signed: "2010-03-01", until: "2015-03-01", areas: ["economy", "health"])
            builder.agreement("renewal", signed: "2015-02-01", until: "2023-06-30", areas: ["economy", "governance"])
            builder.partnership.agreements[2].supersedes = "mou"
            builder.activity("trade-fair", "2022-09", areas: ["economy"])
        }
        let cooperation = AnnualReport(record: Self.record([partnership]), period: Self.period(2022)).cooperations[0]
        #expect(cooperation.agreements.map(\.agreement.id) == ["loi", "mou", "renewal"])
        #expect(cooperation.agreements.map(\.inForce) == [true, false, true])
        #expect(cooperation.agreements[1].supersededBy == "renewal")
        // The areas of the agreements in force, each said once, and whether the year served it.
        #expect(
            cooperation.areas == [
                .init(area: "health", servedThisYear: false), .init(area: "economy", servedThisYear: true),
                .init(area: "governance", servedThisYear: false),
            ])
        #expect(
            cooperation.followUp.contains(
                .agreementExpires(agreement: partnership.agreements[2], on: RecordBuilder.day("2023-06-30"))))
    }

    @Test func followUpKeepsToTheTwelveMonthsAfterTheYear() {
        let partnership = Self.partnership("p", partner: .city, name: "P") { builder in
            builder.agreement(signed: "2015", until: "2030-12-31")
            builder.yearlyMeeting(from: "2016")
            builder.activity("visit-2026", "2026-11-12", kind: .visit)
            builder.activity("meeting-2029", "2029-05", kind: .meeting, fulfils: ["meeting"])
            builder.activity("exhibition-2023", "2023-04", kind: .exhibition)
        }
        for year in [2018, 2020, 2022] {
            let report = AnnualReport(record: Self.record([partnership]), period: Self.period(year))
            let horizon = RecordBuilder.day("\(year + 1)-12-31")
            for item in report.cooperations[0].followUp {
                switch item {
                case .obligationDue(_, let due, let plannedBy):
                    #expect(due <= horizon.adding(years: 1), "\(year): \(item)")
                    #expect(!plannedBy.contains("meeting-2029"), "\(year): \(item)")
                case .agreementExpires(_, let end):
                    #expect(end <= horizon, "\(year): \(item)")
                case .plannedActivity(let activity):
                    #expect(activity.start.span.lowerBound <= horizon, "\(year): \(item)")
                }
            }
        }
        let report2022 = AnnualReport(record: Self.record([partnership]), period: Self.period(2022))
        #expect(report2022.cooperations[0].followUp.contains(.plannedActivity(partnership.activities[2])))
        #expect(!report2022.cooperations[0].followUp.contains(.plannedActivity(partnership.activities[0])))
    }

    @Test func followUpNamesNextYearsPromisesAndPlans() {
        let partnership = Self.partnership("p", partner: .city, name: "P") { builder in
            builder.agreement(signed: "2015")
            builder.yearlyMeeting(from: "2016")
            builder.activity("meeting-2022", "2022-05-01", kind: .meeting, fulfils: ["meeting"])
            builder.activity("meeting-2023", "2023-10-01", kind: .meeting, fulfils: ["meeting"])
            builder.activity("festival-2024", "2024-02-01", kind: .event)
        }
        let followUp = AnnualReport(record: Self.record([partnership]), period: Self.period(2022)).cooperations[0]
            .followUp
        let meeting = partnership.obligations[0]
        // The festival of February 2024 lies after the twelve months the report looks ahead: not its to promise.
        #expect(
            followUp == [
                .obligationDue(obligation: meeting, due: RecordBuilder.day("2023-12-31"), plannedBy: ["meeting-2023"]),
                .plannedActivity(partnership.activities[1]),
            ])
        // Without the planned meeting, the promise stands with nothing planned for it.
        var unplanned = partnership
        unplanned.activities.remove(at: 1)
        let open = AnnualReport(record: Self.record([unplanned]), period: Self.period(2022)).cooperations[0].followUp
        #expect(open.first == .obligationDue(obligation: meeting, due: RecordBuilder.day("2023-12-31"), plannedBy: []))
    }

    @Test func theOfficesOwnObstacleIsSaidOnceNotUnderEveryCooperation() {
        var record = Self.record([
            Self.partnership("a", partner: .city, name: "A") { $0.agreement(signed: "2015") },
            Self.partnership("b", partner: .city, name: "B") { $0.agreement(signed: "2015") },
        ])
        record.organization.cooperationOfficers = 1
        record.organization.cooperationCount = 31
        let report = AnnualReport(record: record, period: Self.period(2022))
        #expect(report.generalObstacles.map(\.kind) == [.officeOverloaded])
        for cooperation in report.cooperations {
            #expect(!cooperation.obstacles.contains { $0.kind == .officeOverloaded })
            #expect(cooperation.obstacles.contains { $0.kind == .dormant })
        }
    }

    @Test func csvQuotesWhatNeedsItAndDisarmsFormulas() {
        let table = CSVTable(
            header: ["a", "b"], rows: [["plain", "with, comma"], ["say \"hi\"", "two\nlines"], ["=SUM(A1)", "-5"]])
        #expect(
            table.text
                == "\u{FEFF}a,b\r\nplain,\"with, comma\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n'=SUM(A1),-5\r\n")
        #expect(CSVTable.field("-cmd") == "'-cmd")
        #expect(CSVTable.field("@x") == "'@x")
    }
}
