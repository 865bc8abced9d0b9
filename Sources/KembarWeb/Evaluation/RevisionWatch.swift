import Foundation
import KembarStore

/// Knows the data revision without asking the database on every request: asks at most every
/// half second, and at once after this process wrote. Another instance's write (or a
/// `kembar import` beside a running server) is therefore seen within half a second.
actor RevisionWatch {
    private let database: any KembarDatabase
    private var known: Int?
    private var checkedAt = ContinuousClock.now
    /// Counts this process's writes, so that an answer the database gave before a write is not
    /// kept as the revision after it (the actor is reentrant while it waits for the database).
    private var writes = 0
    static let freshness = Duration.milliseconds(500)

    init(database: any KembarDatabase) {
        self.database = database
    }

    func current() async throws -> Int {
        if let known, ContinuousClock.now - checkedAt < Self.freshness { return known }
        let writesBefore = writes
        let revision = try await DataRevision.current(database)
        if writes == writesBefore {
            known = revision
            checkedAt = .now
        }
        return revision
    }

    /// Call after a write by this process, so the next read sees it.
    func didWrite() {
        writes += 1
        known = nil
    }
}
