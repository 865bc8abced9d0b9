import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// Writing an office's list: once, whole, audited once; or not at all.
@Suite struct SpreadsheetImportStoreTests {
    static func list(_ rows: [[String]]) -> Spreadsheet {
        let header = ["No", "Nama Mitra", "Negara", "Jenis Kerja Sama", "Tanggal MoU", "Bidang", "Keterangan"]
        return Spreadsheet(sheets: [
            Sheet(
                name: "Kerja Sama",
                rows: ([["DAFTAR KERJA SAMA"], header] + rows).enumerated().map {
                    SheetRow(number: $0.offset + 1, cells: $0.element.map(Cell.init(text:)))
                })
        ])
    }

    static let goodList = list([
        ["1", "Liuzhou", "Tiongkok", "Kota Kembar", "21 September 2006", "", "JWG tidak pernah bertemu"],
        ["2", "Hamamatsu", "Jepang", "Kota Kembar", "April 2024", "Pendidikan; Kesehatan", ""],
    ])

    @Test func aListIsWrittenInOneTransactionWithOneAuditEntry() async throws {
        try await TestDatabase.withMigrated { database in
            try await RecordStore(database: database).importRecord(try Fixtures.demoRecord(), actor: "t", source: "d")
            let auditBefore = try await AuditLog.entries(in: database, organizationID: "bandung").count
            let store = SpreadsheetImportStore(database: database)
            let preview = try await store.preview(Self.goodList, organizationID: "bandung", fileName: "daftar.xlsx")
            #expect(preview.created == 1 && preview.filled == 1)
            #expect(try await RecordStore(database: database).exportRecord().partnerships.count == 10)
            let (plan, written) = try await store.write(
                Self.goodList, organizationID: "bandung", fileName: "daftar.xlsx", actor: "officer")
            #expect(written)
            #expect(plan.created == 1 && plan.filled == 1)
            let record = try await RecordStore(database: database).exportRecord()
            let hamamatsu = try #require(record.partnerships.last)
            #expect(hamamatsu.partner == Partner(name: "Hamamatsu", country: "JP", kind: .city))
            #expect(hamamatsu.agreements.first?.areas == ["education-culture", "health"])
            let liuzhou = try #require(record.partnerships.first { $0.id == "bandung-liuzhou" })
            #expect(liuzhou.documents.last?.text == "JWG tidak pernah bertemu")
            let audit = try await AuditLog.entries(in: database, organizationID: "bandung")
            #expect(audit.count == auditBefore + 1)
            #expect(audit.first?.action == "import")
            #expect(audit.first?.actor == "officer")

            // The same list again: nothing to write, nothing audited.
            let (again, writtenAgain) = try await store.write(
                Self.goodList, organizationID: "bandung", fileName: "daftar.xlsx", actor: "officer")
            #expect(!writtenAgain)
            #expect(again.changed.isEmpty)
            #expect(try await RecordStore(database: database).exportRecord() == record)
            #expect(try await AuditLog.entries(in: database, organizationID: "bandung").count == auditBefore + 1)
        }
    }

    @Test func aNewPartnerOfTwoNewPartnershipsGetsOneRow() async throws {
        try await TestDatabase.withMigrated { database in
            try await RecordStore(database: database).importRecord(try Fixtures.demoRecord(), actor: "t", source: "d")
            let list = Self.list([
                ["1", "Hamamatsu", "Jepang", "Kota Kembar", "2010", "", ""],
                ["2", "Hamamatsu", "Jepang", "Lembaga", "2012", "", ""],
            ])
            let (plan, written) = try await SpreadsheetImportStore(database: database).write(
                list, organizationID: "bandung", fileName: "daftar.xlsx", actor: "officer")
            #expect(written && plan.created == 2)
            let partners = try await RecordStore(database: database).partners(organizationID: "bandung")
            let hamamatsu = partners.filter { $0.partner.name == "Hamamatsu" }
            #expect(hamamatsu.count == 1)
            #expect(hamamatsu.first?.partnerships == ["bandung-hamamatsu", "bandung-hamamatsu-2"])
            let ids = try await RecordStore(database: database).partnerships(organizationID: "bandung")
            #expect(ids.suffix(2) == ["bandung-hamamatsu", "bandung-hamamatsu-2"])
        }
    }

    @Test func aListWithAnErrorWritesNothing() async throws {
        try await TestDatabase.withMigrated { database in
            try await RecordStore(database: database).importRecord(try Fixtures.demoRecord(), actor: "t", source: "d")
            let before = try await RecordStore(database: database).exportRecord()
            let auditBefore = try await AuditLog.entries(in: database, organizationID: "bandung").count
            let list = Self.list([
                ["1", "Hamamatsu", "Jepang", "Kota Kembar", "April 2024", "", ""],
                ["2", "Suwon", "Korea Selatan", "Kota Kembar", "30/02/2019", "", ""],
            ])
            let (plan, written) = try await SpreadsheetImportStore(database: database).write(
                list, organizationID: "bandung", fileName: "daftar.csv", actor: "officer")
            #expect(!written)
            #expect(plan.problems.map(\.place) == ["Kerja Sama!E4"])
            #expect(try await RecordStore(database: database).exportRecord() == before)
            #expect(try await AuditLog.entries(in: database, organizationID: "bandung").count == auditBefore)
        }
    }

    @Test func aListNeedsAGovernmentThatExists() async throws {
        try await TestDatabase.withMigrated { database in
            await #expect(throws: StoreError.organizationNotFound("nowhere")) {
                try await SpreadsheetImportStore(database: database).write(
                    Self.goodList, organizationID: "nowhere", fileName: "daftar.xlsx", actor: "officer")
            }
            let empty = try await RecordStore(database: database).isEmpty()
            #expect(empty)
        }
    }
}
