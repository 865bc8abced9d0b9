import KembarCore
import KembarTestSupport
import Testing

/// What of a record goes into mail: weekly, everything current; at once, only what is near.
@Suite struct MailItemsTests {
    private func evaluate(_ record: CooperationRecord, on day: CalendarDay) -> [String: PartnershipEvaluation] {
        Dictionary(
            uniqueKeysWithValues: record.partnerships.map {
                ($0.id, Evaluator.evaluate($0, of: record, asOf: day))
            })
    }

    @Test func theWeekTellsWhatIsDueWithinNinetyDaysAndOnlyWhatIsNearIsToldAtOnce() {
        var builder = RecordBuilder()
        builder.agreement(signed: "2019-12-03", until: "2027-01-15")
        builder.yearlyMeeting(from: "2019-12-03")
        let record = builder.record
        let today = RecordBuilder.day("2026-11-29")
        let evaluations = evaluate(record, on: today)
        let weekly = MailItems.weekly(record, evaluations: evaluations, asOf: today, since: nil, policy: .standard)
        #expect(
            weekly.contains {
                if case .obligationDue(_, let due) = $0.subject {
                    due == RecordBuilder.day("2026-12-02")
                } else {
                    false
                }
            })
        #expect(weekly.contains { if case .agreementExpiring = $0.subject { true } else { false } })
        let now = MailItems.immediate(record, evaluations: evaluations, asOf: today, policy: .standard)
        #expect(now.contains { $0.kind == .obligations })
        // The agreement ends in 47 days: weekly, not yet at once.
        #expect(!now.contains { $0.kind == .agreements })
        #expect(Set(now.map(\.key)).count == now.count)
    }

    @Test func theOfficesLoadIsToldOnceForTheGovernmentNotUnderEveryPartnership() {
        var builder = RecordBuilder()
        builder.organization.cooperationOfficers = 1
        builder.organization.cooperationCount = 30
        var record = builder.record
        record.partnerships.append(
            Partnership(id: "second", kind: .sisterCity, partner: Partner(name: "Other", country: "KR", kind: .city)))
        let today = RecordBuilder.day("2026-11-29")
        let items = MailItems.weekly(
            record, evaluations: evaluate(record, on: today), asOf: today, since: nil, policy: .standard)
        let office = items.filter {
            if case .alarm(let alarm) = $0.subject { alarm.kind == .officeOverloaded } else { false }
        }
        #expect(office.count == 1)
        #expect(office.first?.partnershipID == "")
    }

    @Test func eachKindHasItsDefaultForEachRole() {
        #expect(MailFrequency.standard(.obligations, role: .officer) == .immediately)
        #expect(MailFrequency.standard(.alarms, role: .officer) == .weekly)
        #expect(MailFrequency.standard(.obligations, role: .viewer) == .weekly)
        #expect(MailFrequency.standard(.obligations, role: .partner) == .immediately)
        #expect(MailFrequency.standard(.alarms, role: .partner) == .off)
    }
}
