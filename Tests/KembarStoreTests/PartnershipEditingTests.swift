import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// Saving one partnership at a time, as the forms do: whole, audited, or not at all.
@Suite struct PartnershipEditingTests {
    private func change(_ id: String) -> Change {
        Change(actor: "test", action: "update", entity: "partnership", entityID: id, summary: "changed \(id)")
    }

    @Test func addsANewPartnershipWithANewPartnerAtTheEnd() async throws {
        try await TestDatabase.withMigrated { database in
            let store = RecordStore(database: database)
            try await store.importRecord(try Fixtures.demoRecord(), actor: "test", source: "demo")
            let revision = try await DataRevision.current(database)
            let partner = Partner(name: "Hamamatsu", country: "JP", kind: .city)
            try await store.savePartnership(
                Partnership(id: "bandung-hamamatsu", kind: .sisterCity, partner: partner), organizationID: "bandung",
                replacing: nil, partner: .new(partner), change: change("bandung-hamamatsu"))
            #expect(try await store.partnerships(organizationID: "bandung").last == "bandung-hamamatsu")
            let stored = try #require(try await store.partnership(organizationID: "bandung", id: "bandung-hamamatsu"))
            #expect(stored.partnership.partner == partner)
            #expect(stored.partnerID == "jp-hamamatsu")
            #expect(try await DataRevision.current(database) > revision)
            #expect(
                try await AuditLog.entries(in: database, organizationID: "bandung").first?.entityID
                    == "bandung-hamamatsu")
        }
    }

    @Test func replacesAPartnershipInPlaceEvenUnderANewID() async throws {
        try await TestDatabase.withMigrated { database in
            let store = RecordStore(database: database)
            let demo = try Fixtures.demoRecord()
            try await store.importRecord(demo, actor: "test", source: "demo")
            let stored = try #require(try await store.partnership(organizationID: "bandung", id: "bandung-liuzhou"))
            var renamed = stored.partnership
            renamed.id = "bandung-liuzhou-2006"
            try await store.savePartnership(
                renamed, organizationID: "bandung", replacing: "bandung-liuzhou", partner: .existing(stored.partnerID),
                change: change(renamed.id))
            let ids = try await store.partnerships(organizationID: "bandung")
            #expect(ids.first == "bandung-liuzhou-2006")
            #expect(ids.count == demo.partnerships.count)
            let exported = try await store.exportRecord()
            #expect(exported.partnerships[0] == renamed)
            #expect(Array(exported.partnerships.dropFirst()) == Array(demo.partnerships.dropFirst()))
        }
    }

    @Test func refusesATakenIDAndWritesNothing() async throws {
        try await TestDatabase.withMigrated { database in
            let store = RecordStore(database: database)
            try await store.importRecord(try Fixtures.demoRecord(), actor: "test", source: "demo")
            let before = try await store.exportRecord()
            let revision = try await DataRevision.current(database)
            let stored = try #require(try await store.partnership(organizationID: "bandung", id: "bandung-liuzhou"))
            var clash = stored.partnership
            clash.id = "bandung-seoul"
            await #expect(throws: StoreError.partnershipExists("bandung-seoul")) {
                try await store.savePartnership(
                    clash, organizationID: "bandung", replacing: "bandung-liuzhou",
                    partner: .existing(stored.partnerID),
                    change: change("bandung-seoul"))
            }
            #expect(try await store.exportRecord() == before)
            #expect(try await DataRevision.current(database) == revision)
            #expect(try await AuditLog.entries(in: database, organizationID: "bandung").count == 1)
        }
    }

    @Test func changesAPartnerForEveryPartnershipThatSharesIt() async throws {
        try await TestDatabase.withMigrated { database in
            var record = Fixtures.minimalRecord()
            var second = record.partnerships[0]
            second.id = "second"
            record.partnerships.append(second)
            let store = RecordStore(database: database)
            try await store.importRecord(record, actor: "test", source: "fixture")
            let partners = try await store.partners(organizationID: "kota-contoh")
            #expect(partners.count == 1)
            #expect(partners[0].partnerships == ["contoh-mitra", "second"])
            var renamed = partners[0].partner
            renamed.name = "Partner Town"
            try await store.updatePartner(
                renamed, id: partners[0].id, organizationID: "kota-contoh", change: change("partner"))
            #expect(
                try await store.exportRecord().partnerships.map(\.partner.name) == ["Partner Town", "Partner Town"])
            await #expect(throws: StoreError.partnerNotFound("nobody")) {
                try await store.updatePartner(
                    renamed, id: "nobody", organizationID: "kota-contoh", change: change("partner"))
            }
        }
    }
}
