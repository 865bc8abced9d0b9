import KembarCore
import KembarTestSupport
import Testing

/// The demonstration portfolio records what Saraswati, Windiani & Wahyudi document, and no more.
@Suite struct DemoRecordTests {
    let record: CooperationRecord
    let liuzhou: Partnership

    init() throws {
        record = try Fixtures.demoRecord()
        liuzhou = try #require(record.partnerships.first { $0.id == "bandung-liuzhou" })
    }

    @Test func isTheBandungGovernmentWithFourCooperationOfficers() {
        #expect(record.organization.name == "Pemerintah Kota Bandung")
        #expect(record.organization.cooperationOfficers == 4)
        #expect(record.organization.cooperationCount == 31)
        #expect(record.organization.place.country == "ID")
    }

    @Test func recordsThe2006MoUWithItsFiveAreasAndSignatories() throws {
        let mou = try #require(liuzhou.agreements.first)
        #expect(mou.type == .mou)
        #expect(mou.signed.description == "2006-09-21")
        #expect(mou.areas == ["economy", "science-technology", "education-culture", "environment-urban", "other"])
        #expect(mou.signatories.map(\.name) == ["Dada Rosada", "Wen Hequn"])
        #expect(mou.clauses.contains("dispute-resolution"))
        #expect(mou.clauses.contains("funding"))
    }

    @Test func recordsTheYearlyAlternatingJointWorkingGroupThatNeverMet() throws {
        let meeting = try #require(liuzhou.obligations.first { $0.every == .year })
        #expect(meeting.from.description == "2007")
        #expect(meeting.alternateHost == true)
        #expect(!liuzhou.activities.contains { !$0.fulfils.isEmpty })
    }

    @Test func recordsTheStagesBeforeTheAgreement() {
        #expect(liuzhou.stages.map(\.stage) == [.initiative, .exploration, .cooperationPlan, .signing])
        #expect(liuzhou.stages.first?.date.description == "2004-03-05")
    }

    @Test func recordsEveryActivityThePaperNames() {
        let starts = liuzhou.activities.map(\.start.description)
        #expect(liuzhou.activities.count == 10)
        #expect(starts.contains("2004-03-31"))
        #expect(starts.filter { $0 == "[2006-09-21..2010]" }.count == 4)
        #expect(starts.contains("2018"))
        #expect(starts.contains("2019-10"))
        #expect(starts.contains("2020"))
        #expect(starts.contains("2022-04"))
        // Nothing between the activities before 2011 and BELIEF 2018: the paper's seven-year vacuum.
        let between = liuzhou.activities.filter { activity in
            guard let earliest = activity.start.earliestDay else { return false }
            return earliest >= CalendarDay(year: 2011, month: 1, day: 1)!
                && earliest < CalendarDay(year: 2018, month: 1, day: 1)!
        }
        #expect(between.isEmpty)
    }

    @Test func recordsTheMaskDonationWithItsQuantityAndEvidence() throws {
        let masks = try #require(liuzhou.activities.first { $0.kind == .donation })
        #expect(masks.initiator == .partner)
        #expect(masks.benefits.map(\.to) == [.home])
        let result = try #require(masks.results.first)
        #expect(result.quantity?.value == 10_000)
        #expect(!result.evidence.isEmpty)
    }

    @Test func involvesNoCommunityActorAsAPlanner() {
        let communityPlanners = liuzhou.activities.flatMap(\.participants).filter {
            $0.group.isCommunity && $0.role == .planner
        }
        #expect(communityPlanners.isEmpty)
    }

    @Test func carriesThePapersAssessmentsOfTheFiveElements() {
        let verdicts = Dictionary(uniqueKeysWithValues: liuzhou.assessments.map { ($0.element, $0.status) })
        #expect(
            verdicts == [
                .commitment: .unmet, .communityParticipation: .unmet, .mutualUnderstanding: .met, .reciprocity: .unmet,
                .tangibleResults: .partial,
            ])
    }

    @Test func listsBandungsOtherDocumentedPartners() {
        let partners = Set(record.partnerships.map(\.partner.name))
        for name in [
            "Braunschweig", "Seoul", "Suwon", "Yingkou", "Namur", "Cotabato City", "Cuenca", "Fort Worth",
            "Petaling Jaya",
        ] {
            #expect(partners.contains(name), "\(name) is missing")
        }
        // Only what is known: no invented activities for the partners the paper merely names.
        for partnership in record.partnerships where partnership.id != "bandung-liuzhou" {
            #expect(partnership.activities.isEmpty)
        }
    }
}
