import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// A government's parent, checked when its record is written.
@Suite struct OrganizationHierarchyStoreTests {
    static func record(_ id: String, level: Organization.Level?, parent: String? = nil) -> CooperationRecord {
        var record = Fixtures.minimalRecord(organization: id)
        record.organization.level = level
        record.organization.parent = parent
        record.organization.regionCode = level == .province ? "32" : nil
        return record
    }

    @Test func aCityIsWrittenUnderItsProvinceAndReadBackWithIt() async throws {
        try await TestDatabase.withMigrated { database in
            let store = RecordStore(database: database)
            try await store.importRecord(Self.record("prov-jabar", level: .province), actor: "t", source: "t")
            let city = Self.record("kota-contoh", level: .city, parent: "prov-jabar")
            try await store.importRecord(city, actor: "t", source: "t")
            #expect(try await store.exportRecord(organizationID: "kota-contoh") == city)
            #expect(try await store.exportRecord(organizationID: "prov-jabar").organization.regionCode == "32")
        }
    }

    @Test func aParentThatIsMissingOrACityIsRefusedAndNothingWritten() async throws {
        try await TestDatabase.withMigrated { database in
            let store = RecordStore(database: database)
            await #expect(throws: StoreError.parentNotFound(organization: "kota-contoh", parent: "prov-jabar")) {
                try await store.importRecord(
                    Self.record("kota-contoh", level: .city, parent: "prov-jabar"), actor: "t", source: "t")
            }
            try await store.importRecord(Self.record("kota-lain", level: .city), actor: "t", source: "t")
            await #expect(
                throws: StoreError.parentOfWrongLevel(organization: "kota-contoh", parent: "kota-lain", level: "city")
            ) {
                try await store.importRecord(
                    Self.record("kota-contoh", level: .city, parent: "kota-lain"), actor: "t", source: "t")
            }
            #expect(try await store.organizationIDs() == ["kota-lain"])
        }
    }

    @Test func aProvinceCannotBecomeWhatItsCitiesCannotBelongTo() async throws {
        try await TestDatabase.withMigrated { database in
            let store = RecordStore(database: database)
            try await store.importRecord(Self.record("prov-jabar", level: .province), actor: "t", source: "t")
            try await store.importRecord(
                Self.record("kota-contoh", level: .city, parent: "prov-jabar"), actor: "t", source: "t")
            // The province replaced by a record that belongs to its own city: a circle, refused.
            await #expect(
                throws: StoreError.parentOfWrongLevel(organization: "prov-jabar", parent: "kota-contoh", level: "city")
            ) {
                try await store.importRecord(
                    Self.record("prov-jabar", level: .province, parent: "kota-contoh"), replacing: true,
                    actor: "t", source: "t")
            }
            await #expect(
                throws: StoreError.parentOfWrongLevel(organization: "kota-contoh", parent: "prov-jabar", level: "city")
            ) {
                try await store.importRecord(
                    Self.record("prov-jabar", level: .city), replacing: true, actor: "t", source: "t")
            }
            #expect(try await store.exportRecord(organizationID: "prov-jabar").organization.level == .province)
        }
    }
}
