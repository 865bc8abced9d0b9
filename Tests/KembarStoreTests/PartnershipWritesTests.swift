import Foundation
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// A save writes what it changed and nothing else, after checking the whole partnership.
@Suite struct PartnershipWritesTests {
    /// One government with one partnership of 300 activities.
    private static let long = SyntheticRecord.make(.init(partnerships: 1, activities: 300, seed: 7))

    private static func activity(_ id: String) throws -> Activity {
        Activity(
            id: id, title: "Exchange of teachers", start: try PartialDate(parsing: "2024-03-04"), kind: .exchange,
            areas: ["education-culture"], host: .partner, initiator: .joint,
            participants: [Participant(side: .home, group: .school, role: .planner, count: 12)],
            costs: [Cost(side: .home, amount: 15_000_000, currency: "IDR", kind: .money)],
            benefits: [Benefit(to: .home, kind: .learning, description: "Teaching methods")],
            results: [
                ActivityResult(
                    kind: .output, directness: .direct, description: "Twelve teachers trained",
                    quantity: Quantity(value: 12, unit: "teachers"))
            ], isPublic: false)
    }

    /// Runs `body` with the long record stored, the log of statements cleared.
    private func withLongPartnership(
        _ body: (RecordStore, StatementLog, Partnership) async throws -> Void
    ) async throws {
        try await TestDatabase.withMigrated { database in
            let log = StatementLog(database)
            let store = RecordStore(database: log)
            try await store.importRecord(Self.long, actor: "test", source: "synthetic")
            log.clear()
            try await body(store, log, Self.long.partnerships[0])
        }
    }

    private func save(_ store: RecordStore, _ partnership: Partnership, _ what: String) async throws {
        _ = try await store.modifyPartnership(organizationID: Self.long.organization.id, id: partnership.id) { stored in
            (
                partnership, Change(actor: "test", action: "update", entity: "activity", entityID: what, summary: what),
                ()
            )
        }
    }

    /// The statements that changed a table of the record (not the audit log, the revisions, the
    /// search index or its vocabulary).
    private func recordChanges(_ log: StatementLog) -> [String] {
        log.statements.filter { statement in
            ["INSERT", "UPDATE", "DELETE"].contains { statement.hasPrefix($0) }
                && ![
                    "audit_entries", "data_revision", "record_revisions", "search_entries", "search_terms",
                    "search_scratch",
                ].contains { table in statement.contains(table) }
        }
    }

    private func statements(_ all: [String], starting prefix: String) -> [String] {
        all.filter { statement in statement.hasPrefix(prefix) }
    }

    private func rows(_ statement: String) -> Int {
        guard let values = statement.range(of: "VALUES") else { return 0 }
        return statement[values.upperBound...].filter { $0 == "(" }.count
    }

    @Test func anActivityAddedToALongPartnershipWritesThatActivitysRowsOnly() async throws {
        try await withLongPartnership { store, log, partnership in
            var updated = partnership
            updated.activities.append(try Self.activity("teachers-2024"))
            try await save(store, updated, "teachers-2024")
            let changes = recordChanges(log)
            #expect(statements(changes, starting: "DELETE").isEmpty)
            // The activity, its area, participant, cost, benefit and result: one row each.
            let tables = [
                "activities", "activity_areas", "activity_participants", "activity_costs", "activity_benefits",
                "activity_results",
            ]
            for table in tables {
                #expect(statements(changes, starting: "INSERT INTO \"\(table)\"").map(rows) == [1], "\(table)")
            }
            #expect(statements(changes, starting: "INSERT").count == tables.count)
            // Only the partnership's time of change is touched besides.
            #expect(statements(changes, starting: "UPDATE") == statements(changes, starting: "UPDATE \"partnerships\""))
            #expect(try await store.exportRecord().partnerships == [updated])
            #expect(statements(log.statements, starting: "INSERT INTO \"search_entries\"").map(rows) == [1])
        }
    }

    @Test func editingOneActivityRewritesThatActivityInItsPlace() async throws {
        try await withLongPartnership { store, log, partnership in
            var updated = partnership
            updated.activities[150].title = "A title changed later"
            updated.activities[150].participants.append(Participant(side: .partner, group: .youth, role: .participant))
            try await save(store, updated, updated.activities[150].id)

            let changes = recordChanges(log)
            #expect(statements(changes, starting: "DELETE").count == 1)
            #expect(statements(changes, starting: "DELETE FROM \"activities\"").count == 1)
            #expect(statements(changes, starting: "INSERT INTO \"activities\"").map(rows) == [1])
            #expect(statements(changes, starting: "INSERT INTO \"activity_participants\"").map(rows) == [2])
            // Still the 151st: export gives back what was saved, in order.
            #expect(try await store.exportRecord().partnerships == [updated])
        }
    }

    @Test func removedRenamedAndAddedRecordsKeepTheOrderSaved() async throws {
        try await withLongPartnership { store, _, partnership in
            var updated = partnership
            updated.activities.remove(at: 10)
            updated.activities[20].id = "renamed-in-place"
            updated.activities.append(try Self.activity("at-the-end"))
            updated.stages.append(StageEvent(stage: .review, date: try PartialDate(parsing: "2025")))
            try await save(store, updated, "several")
            #expect(try await store.exportRecord().partnerships == [updated])

            // A record moved to another place: the kind is written anew, in the new order.
            var moved = updated
            moved.activities.swapAt(0, 5)
            try await save(store, moved, "moved")
            #expect(try await store.exportRecord().partnerships == [moved])
        }
    }

    @Test func aPartnershipThatBreaksARuleIsRefusedBeforeAnythingIsWritten() async throws {
        try await withLongPartnership { store, log, partnership in
            var broken = partnership
            var activity = try Self.activity("teachers-2024")
            activity.fulfils = ["no-such-obligation"]
            activity.costs[0].currency = "rupiah"
            broken.activities.append(activity)
            let revision = try await DataRevision.current(store.database)
            await #expect {
                try await save(store, broken, "broken")
            } throws: { error in
                guard case StoreError.invalidRecord(let issues) = error else { return false }
                return Set(issues.map(\.kind)) == [.danglingReference, .invalidValue]
                    && issues.allSatisfy { $0.path.hasPrefix("$.partnerships[0].activities[300]") }
            }
            #expect(recordChanges(log).isEmpty)
            #expect(try await DataRevision.current(store.database) == revision)
            #expect(try await store.exportRecord().partnerships == [partnership])
        }
    }

    @Test func aChangeStartsFromAKnownCopyWhileItIsCurrentAndReadsAgainOnceItIsNot() async throws {
        try await withLongPartnership { store, log, partnership in
            let organization = Self.long.organization
            let current = try await DataRevision.current(store.database)
            let known = KnownPartnership(
                stored: StoredPartnership(organization: organization, partnership: partnership, partnerID: "x"),
                revision: current)
            var adding = partnership
            adding.activities.append(try Self.activity("first"))
            let added = adding
            let first = try await store.modifyPartnership(
                organizationID: organization.id, id: partnership.id, known: known
            ) {
                _ in
                (
                    added, Change(actor: "test", action: "create", entity: "activity", entityID: "first", summary: "x"),
                    ()
                )
            }
            #expect(statements(log.statements, starting: "SELECT * FROM \"activities\"").isEmpty)
            #expect(first?.revision == current + 1)
            #expect(try await store.exportRecord().partnerships == [added])

            // The same copy once the partnership has changed since: read again, nothing lost.
            log.clear()
            _ = try await store.modifyPartnership(organizationID: organization.id, id: partnership.id, known: known) {
                stored in
                var updated = stored.partnership
                updated.activities.append(try Self.activity("second"))
                return (
                    updated,
                    Change(actor: "test", action: "create", entity: "activity", entityID: "second", summary: "x"), ()
                )
            }
            #expect(!statements(log.statements, starting: "SELECT * FROM \"activities\"").isEmpty)
            #expect(
                try await store.exportRecord().partnerships[0].activities.suffix(2).map(\.id) == ["first", "second"])
        }
    }

    @Test func aPartnershipRenamedFromACopyWithoutDocumentTextKeepsTheText() async throws {
        try await TestDatabase.withMigrated { database in
            let store = RecordStore(database: database)
            var record = try Fixtures.demoRecord()
            record.partnerships[0].documents.append(
                Document(id: "minutes", title: "Minutes", kind: .minutes, text: "Both cities agreed to meet yearly."))
            try await store.importRecord(record, actor: "test", source: "demo")
            let stored = try #require(try await store.partnership(organizationID: "bandung", id: "bandung-liuzhou"))
            #expect(stored.partnership.documents.contains { $0.text != nil })
            var copy = stored.partnership
            for index in copy.documents.indices { copy.documents[index].text = nil }
            let known = KnownPartnership(
                stored: StoredPartnership(
                    organization: stored.organization, partnership: copy, partnerID: stored.partnerID,
                    documentText: false),
                revision: try await DataRevision.current(database))
            _ = try await store.modifyPartnership(organizationID: "bandung", id: "bandung-liuzhou", known: known) {
                old in
                var renamed = old.partnership
                renamed.id = "bandung-liuzhou-2006"
                return (
                    renamed,
                    Change(actor: "test", action: "update", entity: "partnership", entityID: "x", summary: "x"), ()
                )
            }
            let renamed = try #require(
                try await store.partnership(organizationID: "bandung", id: "bandung-liuzhou-2006"))
            #expect(renamed.partnership.documents == stored.partnership.documents)
        }
    }
}
