import KembarCore
import KembarStore
import KembarTestSupport
import SQLKit
import Testing

@Suite struct RecordStoreTests {
    @Test func exportsTheDemoPortfolioExactlyAsImported() async throws {
        try await TestDatabase.withMigrated { database in
            let store = RecordStore(database: database)
            let demo = try Fixtures.demoRecord()
            let summary = try await store.importRecord(demo, actor: "test", source: "demo")
            #expect(summary == .init(organizationID: "bandung", partnerships: 10, activities: 10, replaced: false))
            let exported = try await store.exportRecord()
            #expect(exported == demo)
            #expect(RecordEncoder.encode(exported) == Array(try Fixtures.demoBytes()))
        }
    }

    @Test func roundTripsALargeGeneratedRecord() async throws {
        try await TestDatabase.withMigrated { database in
            let store = RecordStore(database: database)
            let record = SyntheticRecord.make(.init(partnerships: 60, activities: 3_000, seed: 11))
            try await store.importRecord(record, actor: "test", source: "generator")
            #expect(try await store.exportRecord(organizationID: record.organization.id) == record)
        }
    }

    @Test func refusesToOverwriteAnOrganizationUnlessAskedAndThenReplacesIt() async throws {
        try await TestDatabase.withMigrated { database in
            let store = RecordStore(database: database)
            let demo = try Fixtures.demoRecord()
            try await store.importRecord(demo, actor: "test", source: "demo")
            var changed = demo
            changed.partnerships.removeLast(3)
            changed.organization.cooperationOfficers = 5
            await #expect(throws: StoreError.organizationExists("bandung")) {
                try await store.importRecord(changed, actor: "test", source: "changed")
            }
            #expect(try await store.exportRecord() == demo)
            let summary = try await store.importRecord(changed, replacing: true, actor: "test", source: "changed")
            #expect(summary.replaced)
            #expect(try await store.exportRecord() == changed)
        }
    }

    @Test func keepsSeveralGovernmentsApart() async throws {
        try await TestDatabase.withMigrated { database in
            let store = RecordStore(database: database)
            let demo = try Fixtures.demoRecord()
            let other = Fixtures.minimalRecord()
            try await store.importRecord(demo, actor: "test", source: "demo")
            try await store.importRecord(other, actor: "test", source: "other")
            await #expect(throws: StoreError.ambiguousOrganization(["bandung", "kota-contoh"])) {
                try await store.exportRecord()
            }
            #expect(try await store.exportRecord(organizationID: "kota-contoh") == other)
            #expect(try await store.exportRecord(organizationID: "bandung") == demo)
            await #expect(throws: StoreError.organizationNotFound("nowhere")) {
                try await store.exportRecord(organizationID: "nowhere")
            }
        }
    }

    @Test func allowsTheSamePartnershipIdInTwoGovernments() async throws {
        try await TestDatabase.withMigrated { database in
            let store = RecordStore(database: database)
            try await store.importRecord(Fixtures.minimalRecord(organization: "a"), actor: "test", source: "a")
            try await store.importRecord(Fixtures.minimalRecord(organization: "b"), actor: "test", source: "b")
            #expect(try await store.exportRecord(organizationID: "b") == Fixtures.minimalRecord(organization: "b"))
        }
    }

    @Test func sharesOnePartnerRowBetweenPartnershipsWithTheSamePartner() async throws {
        try await TestDatabase.withMigrated { database in
            var record = Fixtures.minimalRecord()
            var second = record.partnerships[0]
            second.id = "contoh-mitra-institution"
            second.kind = .institution
            record.partnerships.append(second)
            try await RecordStore(database: database).importRecord(record, actor: "test", source: "fixture")
            let partners = try await database.read { sql in
                try await sql.select().column("id").from("partners").all().map {
                    try $0.decode(column: "id", as: String.self)
                }
            }
            #expect(partners == ["jp-partner-city"])
            #expect(try await RecordStore(database: database).exportRecord() == record)
        }
    }

    @Test func writesAnAuditEntryForEveryImport() async throws {
        try await TestDatabase.withMigrated { database in
            let store = RecordStore(database: database)
            let demo = try Fixtures.demoRecord()
            try await store.importRecord(demo, actor: "cli:officer", source: "bandung.json")
            try await store.importRecord(demo, replacing: true, actor: "cli:admin", source: "backup.json")
            let entries = try await AuditLog.entries(in: database, organizationID: "bandung")
            #expect(entries.map(\.action) == ["replace", "import"])
            #expect(entries.map(\.actor) == ["cli:admin", "cli:officer"])
            #expect(entries[0].before == #"{"partnerships": 10, "activities": 10, "documents": 21}"#)
            #expect(entries[0].summary.contains("backup.json"))
        }
    }
}

@Suite struct PortfolioQueryTests {
    @Test func summarisesEachPartnershipWithItsLastActivity() async throws {
        try await TestDatabase.withMigrated { database in
            try await RecordStore(database: database).importRecord(
                try Fixtures.demoRecord(), actor: "test", source: "demo")
            let rows = try await PortfolioQuery.partnerships(in: database)
            #expect(rows.count == 10)
            let liuzhou = try #require(rows.first)
            #expect(liuzhou.partnerName == "Liuzhou")
            #expect(liuzhou.partnerNativeName == "柳州市")
            #expect(liuzhou.activityCount == 10)
            #expect(liuzhou.lastActivity?.description == "2022-04")
            #expect(rows.last?.partnerName == "Petaling Jaya")
            #expect(rows.last?.lastActivity == nil)
        }
    }
}
