import Testing

@testable import KembarStore

/// Which rows of one kind of record a save deletes and inserts.
@Suite struct RecordListChangeTests {
    private struct Record: Equatable {
        let id: String
        var text = ""
    }

    private func records(_ ids: String...) -> [Record] {
        ids.map { Record(id: $0) }
    }

    /// Stored ordinals with gaps, as removals leave them.
    private let stored = [("a", 0), ("b", 2), ("c", 5)]

    private func change(_ old: [Record], _ new: [Record]) async throws -> (RecordListChange<Record>, asked: Bool) {
        var asked = false
        let change = try await RecordListChange.identified(
            old, new, id: \.id, partnershipID: "p",
            ordinals: {
                asked = true
                return stored.prefix(old.count).map { (id: $0.0, ordinal: $0.1) }
            }, next: { 6 })
        return (change, asked)
    }

    @Test func addedAtTheEndTakesTheOrdinalsAfterTheLastWithoutReadingTheOthers() async throws {
        let (change, asked) = try await change(records("a", "b", "c"), records("a", "b", "c", "d", "e"))
        #expect(!asked)
        #expect(change.removed.isEmpty)
        #expect(change.inserted.map(\.value.id) == ["d", "e"])
        #expect(change.inserted.map(\.ordinal) == [6, 7])
    }

    @Test func nothingChangedWritesNothing() async throws {
        #expect(try await change(records("a", "b", "c"), records("a", "b", "c")).0.isEmpty)
    }

    @Test func aRecordChangedOrRenamedInPlaceKeepsItsOrdinal() async throws {
        var new = records("a", "b", "c")
        new[1].text = "changed"
        new[2] = Record(id: "renamed")
        let (change, asked) = try await change(records("a", "b", "c"), new)
        #expect(asked)
        #expect(change.removed == ["b", "c"])
        #expect(change.inserted.map(\.value) == [new[1], new[2]])
        #expect(change.inserted.map(\.ordinal) == [2, 5])
        #expect(!change.rewritesAll)
    }

    @Test func aRemovedRecordGoesAndTheRestStay() async throws {
        let (change, _) = try await change(records("a", "b", "c"), records("a", "c", "d"))
        #expect(change.removed == ["b"])
        #expect(change.inserted.map(\.value.id) == ["d"])
        #expect(change.inserted.map(\.ordinal) == [6])
    }

    @Test func aMoveOrAnInsertionBetweenRewritesTheKind() async throws {
        #expect(try await change(records("a", "b", "c"), records("b", "a", "c")).0.rewritesAll)
        #expect(try await change(records("a", "b", "c"), records("a", "x", "b", "c")).0.rewritesAll)
    }

    @Test func recordsKeptByPositionChangeWhereTheyDiffer() {
        let old = records("a", "b", "c")
        var new = records("a", "b")
        new[1].text = "changed"
        let change = RecordListChange.positional(old, new, partnershipID: "p")
        #expect(change.removed == ["1", "2"])
        #expect(change.inserted.map(\.ordinal) == [1])
        #expect(change.inserted.map(\.value) == [new[1]])
    }
}
