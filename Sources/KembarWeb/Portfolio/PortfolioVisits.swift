import KembarCore
import KembarStore
import Synchronization

/// The day of each person's previous visit to the portfolio, asked of the database once a day
/// per person and process (the first visit of a day moves it on), not on every request.
final class PortfolioVisits: Sendable {
    private let known = Mutex<[Int: (day: CalendarDay, before: CalendarDay?)]>([:])

    /// The visit before the one of `day`; nil for a first visit.
    func previous(accountID: Int, on day: CalendarDay, accounts: AccountStore) async throws -> CalendarDay? {
        if let kept = known.withLock({ $0[accountID] }), kept.day == day { return kept.before }
        let before = try await accounts.visit(accountID: accountID, on: day)
        known.withLock { $0[accountID] = (day, before) }
        return before
    }
}
