import Foundation
import KembarCore
import KembarStore
import KembarTestSupport
import SQLKit
import Testing

/// Full-text search on both databases: what it finds, how it marks it, and what it never shows.
@Suite struct SearchStoreTests {
    static func search(
        _ database: any KembarDatabase, _ text: String, organizationID: String? = nil,
        partnershipID: String? = nil
    ) async throws -> [SearchHit] {
        try await SearchStore(database: database).search(
            SearchQuery(text), in: .init(organizationID: organizationID, partnershipID: partnershipID)
        ).hits
    }

    static func withDemo(_ body: @escaping @Sendable (any KembarDatabase) async throws -> Void) async throws {
        try await TestDatabase.withMigrated { database in
            try await RecordStore(database: database).importRecord(
                try Fixtures.demoRecord(), actor: "test", source: "fixture")
            try await body(database)
        }
    }

    @Test func findsActivitiesDocumentsAndPartnersWithTheWordsMarked() async throws {
        try await Self.withDemo { database in
            let masks = try await Self.search(database, "masker")
            let activity = try #require(masks.first { $0.kind == .activity })
            #expect(activity.recordID == "bantuan-masker-2020")
            #expect(activity.title.runs.contains { $0.matched && $0.text.lowercased() == "masker" })
            let partner = try await Self.search(database, "Liuzhou")
            #expect(partner.contains { $0.kind == .partnership && $0.partnershipID == "bandung-liuzhou" })
            let native = try await Self.search(database, "柳州市")
            #expect(native.contains { $0.kind == .partnership })
        }
    }

    @Test func matchesTheStartOfAWordWithoutStemming() async throws {
        try await Self.withDemo { database in
            let prefix = try await Self.search(database, "pertukar")
            #expect(prefix.contains { $0.recordID == "pertukaran-pelajar" })
            // Every word must occur.
            #expect(try await Self.search(database, "pertukaran zzzunknown").isEmpty)
            // No stemmer: the middle of a word is not a match.
            #expect(try await Self.search(database, "ukaran").isEmpty)
        }
    }

    @Test func keepsToTheScopeItIsGiven() async throws {
        try await Self.withDemo { database in
            try await RecordStore(database: database).importRecord(
                Fixtures.minimalRecord(), actor: "test", source: "fixture")
            #expect(try await Self.search(database, "Partner City", organizationID: "bandung").isEmpty)
            #expect(!(try await Self.search(database, "Partner City", organizationID: "kota-contoh").isEmpty))
            let onlySeoul = try await Self.search(
                database, "Liuzhou", organizationID: "bandung", partnershipID: "bandung-seoul")
            #expect(onlySeoul.allSatisfy { $0.partnershipID == "bandung-seoul" })
        }
    }

    @Test func followsEveryChangeOfTheRecord() async throws {
        try await Self.withDemo { database in
            let store = RecordStore(database: database)
            var stored = try #require(try await store.partnership(organizationID: "bandung", id: "bandung-liuzhou"))
            var partnership = stored.partnership
            partnership.activities[0].title = "Kunjungan balon udara xylofon"
            try await store.savePartnership(
                partnership, organizationID: "bandung", replacing: "bandung-liuzhou",
                partner: .existing(stored.partnerID),
                change: Change(actor: "test", action: "update", entity: "activity", entityID: "x", summary: "test"))
            #expect(try await Self.search(database, "xylofon").count == 1)
            stored = try #require(try await store.partnership(organizationID: "bandung", id: "bandung-liuzhou"))
            var renamed = stored.partnership.partner
            renamed.name = "Liuzhou Shi Qwerty"
            try await store.updatePartner(
                renamed, id: stored.partnerID, organizationID: "bandung",
                change: Change(actor: "test", action: "update", entity: "partner", entityID: "x", summary: "test"))
            #expect(try await Self.search(database, "qwerty").first?.kind == .partnership)
            var record = try Fixtures.demoRecord()
            record.partnerships.removeAll { $0.id == "bandung-liuzhou" }
            try await store.importRecord(record, replacing: true, actor: "test", source: "fixture")
            #expect(try await Self.search(database, "xylofon").isEmpty)
            #expect(try await Self.search(database, "masker").isEmpty)
            #expect(!(try await Self.search(database, "Seoul").isEmpty))
        }
    }

    @Test func indexesWhatWasStoredBeforeTheIndexExisted() async throws {
        try await Self.withDemo { database in
            // Back to the schema of migration 4, with the record in it and no index (nor what
            // later migrations add).
            try await database.write { sql in
                let index = database.dialect == .sqlite ? ["search_index", "search_entries"] : ["search_entries"]
                let vocabulary = database.dialect == .sqlite ? ["search_terms"] : []
                for table in index + vocabulary + [
                    "document_files", "codes", "excerpts", "personal_tokens", "record_revisions", "pending_imports",
                    "gazetteer_cities", "directory_pairs", "mail_outbox", "mail_settings", "mail_told", "mail_secrets",
                    "server_instances",
                    "account_links",
                ] {
                    try await sql.drop(table: table).run()
                }
                for column in ["seen_on", "seen_before"] {
                    try await sql.raw("ALTER TABLE users DROP COLUMN \(unsafeRaw: column)").run()
                }
                try await sql.raw("DROP INDEX organizations_parent").run()
                for column in ["level", "parent_id", "region_code"] {
                    try await sql.raw("ALTER TABLE organizations DROP COLUMN \(unsafeRaw: column)").run()
                }
                try await sql.delete(from: "schema_migrations").where("version", .greaterThanOrEqual, SQLBind(5)).run()
            }
            let applied = try await Migrator.migrate(database, logger: TestDatabase.logger).map(\.version)
            #expect(applied == Migration.all.map(\.version).filter { $0 >= 5 })
            #expect(try await Self.search(database, "masker").contains { $0.recordID == "bantuan-masker-2020" })
        }
    }

    @Test func nothingTypedCanBreakOrWidenTheQuery() async throws {
        try await Self.withDemo { database in
            for text in [
                "\"", "*", "masker OR seoul", "NEAR(masker seoul)", "-masker", "masker' OR '1'='1", "title:masker",
                "); DROP TABLE search_entries; --", "^masker", "", "   ", String(repeating: "a", count: 5_000),
            ] {
                _ = try await Self.search(database, text)
            }
            // "OR" is a word like any other: both must occur.
            #expect(try await Self.search(database, "masker OR seoul").isEmpty)
            #expect(try await Self.search(database, "masker").contains { $0.recordID == "bantuan-masker-2020" })
        }
    }

    @Test func ranksByRelevanceUntilSoMuchMatchesThatTheNewestComeFirst() async throws {
        try await TestDatabase.withMigrated { database in
            var partnership = Partnership(
                id: "p", kind: .sisterCity, partner: Partner(name: "Kota Mitra", country: "JP", kind: .city))
            let count = SearchStore.rankingLimit + 1
            for index in 0..<count {
                partnership.documents.append(
                    Document(id: "d\(index)", title: "Laporan \(index)", kind: .report, text: "kerja sama kota"))
            }
            partnership.documents[10].text = "kerja sama purnabakti"
            let record = CooperationRecord(
                organization: Organization(id: "o", name: "O", place: Place(name: "O", country: "ID")),
                partnerships: [partnership])
            try await RecordStore(database: database).importRecord(record, actor: "test", source: "test")
            let store = SearchStore(database: database)
            let many = try await store.search(SearchQuery("kerja"), in: .init(organizationID: "o"))
            #expect(!many.byRelevance)
            #expect(many.hits.count == 50)
            #expect(many.hits.first?.recordID == "d\(count - 1)")
            let few = try await store.search(SearchQuery("kerja purnabakti"), in: .init(organizationID: "o"))
            #expect(few.byRelevance)
            #expect(few.hits.map(\.recordID) == ["d10"])
        }
    }

    /// The start of a word is looked up as the words it starts; what is found must be what FTS5
    /// or PostgreSQL would find for the prefix itself, whatever the text's script and accents,
    /// and whatever was written since.
    @Test func aWordsStartFindsEveryWordItStartsInAnyScriptAndAfterEveryChange() async throws {
        try await TestDatabase.withMigrated { database in
            var partnership = Partnership(
                id: "p", kind: .sisterCity, partner: Partner(name: "Liège", country: "BE", kind: .city))
            let texts = [
                "Pertukaran pelajar dan pertukaran guru", "Pertunjukan seni", "Café à Liège, coopération",
                "Ελληνικά γράμματα", "Москва и Бандунг", "柳州市 友好城市", "İstanbul ve Ankara",
                "Straße und Fußball", "kota kotamadya kotak",
            ]
            for (index, text) in texts.enumerated() {
                partnership.documents.append(
                    Document(id: "d\(index)", title: "Dokumen \(index)", kind: .report, text: text))
            }
            let many = (0..<(2 * 64)).map { "xw\($0)" }.joined(separator: " ")
            partnership.documents.append(Document(id: "many", title: "Daftar", kind: .other, text: many))
            partnership.documents.append(Document(id: "one", title: "Satu", kind: .other, text: "xw7"))
            let record = CooperationRecord(
                organization: Organization(id: "o", name: "O", place: Place(name: "O", country: "ID")),
                partnerships: [partnership])
            try await RecordStore(database: database).importRecord(record, actor: "test", source: "test")
            func found(_ text: String) async throws -> Set<String> {
                Set(try await Self.search(database, text, organizationID: "o").map(\.recordID))
            }
            #expect(try await found("pertu") == ["d0", "d1"])
            #expect(try await found("pertukar guru") == ["d0"])
            // SQLite's index folds accents away; PostgreSQL's `simple` configuration keeps them.
            #expect(try await found("liege") == (database.dialect == .sqlite ? ["d2", "p"] : []))
            #expect(try await found("Liè") == ["d2", "p"])
            #expect(try await found("coop") == ["d2"])
            #expect(try await found("ελλην") == ["d3"])
            #expect(try await found("Моск") == ["d4"])
            #expect(try await found("柳州市") == ["d5"])
            #expect(try await found("istan") == ["d6"])
            #expect(try await found("stra") == ["d7"])
            #expect(try await found("kota") == ["d8"])
            // A start shared by more words than are worth spelling out still finds them all.
            #expect(try await found("xw") == ["many", "one"])
            // Words written after the import are found by their start too.
            let store = RecordStore(database: database)
            let stored = try #require(try await store.partnership(organizationID: "o", id: "p"))
            var changed = stored.partnership
            changed.documents.append(Document(id: "baru", title: "Notulen", kind: .minutes, text: "Purnabakti staf"))
            try await store.savePartnership(
                changed, organizationID: "o", replacing: "p", partner: .existing(stored.partnerID),
                change: Change(actor: "test", action: "update", entity: "partnership", entityID: "p", summary: "x"))
            #expect(try await found("purna") == ["baru"])
        }
    }
}
