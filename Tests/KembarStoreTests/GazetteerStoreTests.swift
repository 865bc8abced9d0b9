import KembarCore
import KembarStore
import KembarTestSupport
import Testing

@Suite struct GazetteerStoreTests {
    @Test func aNameIsFoundByItsBeginningWhateverItsCaseAndAccents() async throws {
        try await TestDatabase.withMigrated { database in
            let gazetteer = GazetteerStore(database: database)
            let liuzhou = try #require(try await gazetteer.search("Liuzhou").first)
            #expect(liuzhou.country == "CN")
            #expect(liuzhou.population == 1_436_599)
            #expect(liuzhou.timeZone == "Asia/Shanghai")
            #expect(liuzhou.coordinate == Coordinate(latitude: 24.32405, longitude: 109.40698))
            #expect(try await gazetteer.search("LIÈG").first?.name == "Liège")
            #expect(try await gazetteer.search("san fern", country: "PH").count == 3)
            #expect(try await gazetteer.search("  ").isEmpty)
            #expect(try await gazetteer.city(id: liuzhou.id) == liuzhou)
        }
    }

    @Test func partnersWithoutCoordinatesArePlacedWhenTheirCityIsCertain() async throws {
        try await TestDatabase.withMigrated { database in
            var record = try Fixtures.demoRecord()
            for index in record.partnerships.indices
            where ["Liuzhou", "Cotabato City"].contains(record.partnerships[index].partner.name) {
                record.partnerships[index].partner.coordinate = nil
            }
            record.partnerships.append(
                Partnership(
                    id: "bandung-san-fernando", kind: .sisterCity,
                    partner: Partner(name: "San Fernando", country: "PH", kind: .city)))
            record.partnerships.append(
                Partnership(
                    id: "bandung-narnia", kind: .sisterCity,
                    partner: Partner(name: "Narnia", country: "GB", kind: .city)))
            try await RecordStore(database: database).importRecord(record, actor: "test", source: "test")
            let gazetteer = GazetteerStore(database: database)
            let auditBefore = try await AuditLog.entries(in: database, organizationID: "bandung").count

            let trial = try await gazetteer.locatePartners(organizationID: "bandung", actor: "test", dryRun: true)
            #expect(trial.placed.map(\.partner.name) == ["Cotabato City", "Liuzhou"])
            #expect(try await RecordStore(database: database).exportRecord() == record)

            let summary = try await gazetteer.locatePartners(organizationID: "bandung", actor: "test", dryRun: false)
            #expect(summary.placed.map(\.city.name) == ["Cotabato", "Liuzhou"])
            #expect(summary.left.map(\.partner.name) == ["Narnia", "San Fernando"])
            #expect(
                summary.left.map(\.location) == [
                    .notFound, .ambiguous(try await gazetteer.named("San Fernando", country: "PH")),
                ])
            let stored = try await RecordStore(database: database).exportRecord()
            #expect(
                stored.partnerships.first { $0.partner.name == "Liuzhou" }?.partner.coordinate
                    == Coordinate(latitude: 24.32405, longitude: 109.40698))
            #expect(try await AuditLog.entries(in: database, organizationID: "bandung").count == auditBefore + 1)
            // Placed once, a partner is not looked up again.
            #expect(
                try await gazetteer.locatePartners(organizationID: "bandung", actor: "test", dryRun: false).placed
                    .isEmpty)
        }
    }
}
