import KembarCore
import Synchronization

/// Each government's summary for the overviews, kept until something of that government changes
/// or the day turns: after a save in one government, the national overview sums that one again
/// and takes the others as they were, however many partnerships the record cache can hold.
final class GovernmentSummaries: Sendable {
    private struct Kept: Sendable {
        let summary: GovernmentSummary
        let countries: [CountrySummary]
        let revision: Int
        let day: CalendarDay
    }

    private let kept = Mutex<[String: Kept]>([:])

    /// The summaries of `organizationIDs` (those that exist), and their partner countries summed.
    func summaries(of organizationIDs: [String], site: Site) async throws -> (
        governments: [GovernmentSummary], countries: [CountrySummary]
    ) {
        let revision = try await site.revisions.current()
        let today = site.today()
        let stale = kept.withLock { kept in
            organizationIDs.filter { id in
                guard let entry = kept[id] else { return true }
                return entry.day != today || site.revisions.anythingChanged(in: [id], after: entry.revision)
            }
        }
        if !stale.isEmpty {
            let view = try await site.records(stale)
            var fresh: [String: Kept] = [:]
            for record in view.records {
                let evaluations = view.evaluations[record.organization.id] ?? [:]
                fresh[record.organization.id] = Kept(
                    summary: GovernmentSummary(record: record, evaluations: evaluations, today: view.day),
                    countries: CountrySummary.summarize([record], evaluations: [record.organization.id: evaluations]),
                    revision: revision, day: view.day)
            }
            kept.withLock { kept in
                for id in stale { kept[id] = nil }
                kept.merge(fresh) { _, new in new }
            }
        }
        let entries = kept.withLock { kept in organizationIDs.compactMap { kept[$0] } }
        var countries: [String: CountrySummary] = [:]
        for country in entries.flatMap(\.countries) {
            var total =
                countries[country.country] ?? CountrySummary(country: country.country, partnerships: 0, dormant: 0)
            total.partnerships += country.partnerships
            total.dormant += country.dormant
            countries[country.country] = total
        }
        return (
            entries.map(\.summary),
            countries.values.sorted { ($1.partnerships, $0.country) < ($0.partnerships, $1.country) }
        )
    }
}
