import KembarCore
import SQLKit

extension AccountStore {
    /// Notes that the account opens its portfolio on `day`, and returns the day of its visit
    /// before: the same all day long (the first visit of a day moves it on), nil for a first visit.
    public func visit(accountID: Int, on day: CalendarDay) async throws -> CalendarDay? {
        let today = day.description
        return try await database.write { sql in
            guard
                let row = try await sql.select().columns("seen_on", "seen_before").from("users")
                    .where("id", .equal, SQLBind(accountID)).first()
            else { return nil }
            let seen = try row.optionalText("seen_on")
            var before = try row.optionalText("seen_before")
            if seen != today {
                before = seen
                try await sql.update("users").set("seen_on", to: SQLBind(today))
                    .set("seen_before", to: SQLBind.orNull(before)).where("id", .equal, SQLBind(accountID)).run()
            }
            return before.flatMap(CalendarDay.init(iso:))
        }
    }
}
