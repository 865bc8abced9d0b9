import Foundation
import KembarCore
import KembarDocuments
import KembarTestSupport
import Testing

@testable import KembarWeb

/// The workbooks Kembar writes: the import template and the record, read back by Kembar's own
/// import (they are its shape) and by LibreOffice.
@Suite struct RecordWorkbookTests {
    static func words(_ language: Language) throws -> Words {
        Words(language: language, catalog: try Catalog.bundled())
    }

    static func importer(into record: CooperationRecord, _ bytes: [UInt8], name: String) throws -> ImportPlan {
        let book = try SpreadsheetFile.read(bytes, fileName: name)
        return SpreadsheetImport(
            organization: record.organization, existing: record.partnerships,
            partners: record.partnerships.map { ($0.id, $0.partner) }, fileName: name
        ).plan(book)
    }

    /// What a row of the workbook can carry of a partnership.
    static func essentials(_ partnership: Partnership) -> [String] {
        [partnership.partner.name, partnership.partner.country, partnership.kind.rawValue]
            + partnership.agreements.map {
                "\($0.type) \($0.signed) \($0.validUntil?.description ?? "-") \($0.areas.sorted())"
            }
            + partnership.activities.map {
                "\($0.title) \($0.start) \($0.end?.description ?? "-") \($0.kind) \($0.areas.sorted()) \($0.isPublic)"
            }
    }

    @Test(arguments: [Language.indonesian, .english])
    func theRecordWrittenAsXLSXIsReadBackWholeIntoAnEmptyGovernment(language: Language) throws {
        let demo = try Fixtures.demoRecord()
        let bytes = RecordSpreadsheets(words: try Self.words(language)).record(demo.partnerships)
        let empty = CooperationRecord(organization: demo.organization, partnerships: [])
        let plan = try Self.importer(into: empty, bytes, name: "bandung.xlsx")
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        #expect(plan.partnerships.map { Self.essentials($0.partnership) } == demo.partnerships.map(Self.essentials))
        // And into the record it came from: nothing to do.
        #expect(try Self.importer(into: demo, bytes, name: "bandung.xlsx").changed.isEmpty)
    }

    @Test func theTemplateHasASheetPerKindOfRowAndItsExampleIsNotImported() throws {
        let bytes = RecordSpreadsheets(words: try Self.words(.indonesian)).template()
        let book = try SpreadsheetFile.read(bytes, fileName: "template.xlsx")
        #expect(book.sheets.map(\.name) == ["Kerja Sama", "Perjanjian", "Kegiatan"])
        #expect(
            book.sheets[0].rows[0].cells.map(\.text).prefix(4) == ["No", "Nama Mitra", "Negara", "Jenis Kerja Sama"])
        #expect(book.sheets.allSatisfy { $0.rows.count == 2 && $0.rows[1][0] == .text("Contoh") })
        let plan = try Self.importer(into: try Fixtures.demoRecord(), bytes, name: "template.xlsx")
        #expect(plan.problems.isEmpty)
        #expect(plan.changed.isEmpty)
        #expect(plan.layouts.map(\.kind) == [.partnerships, .agreements, .activities])
    }

    @Test(arguments: [Language.indonesian, .english])
    func everyWordTheWorkbookWritesIsOneTheImportReads(language: Language) throws {
        let words = try Self.words(language)
        let vocabulary = ImportVocabulary.standard
        for kind in Partnership.Kind.allCases {
            #expect(vocabulary.partnershipKind(words.term(kind, "partnership-kind")) == kind)
        }
        for type in Agreement.Kind.allCases {
            #expect(vocabulary.agreementType(words.term(type, "agreement-type")) == type)
        }
        for kind in Activity.Kind.allCases {
            #expect(vocabulary.activityKind(words.term(kind, "activity-kind")) == kind)
        }
        for area in ImportVocabulary.areaIDs {
            #expect(vocabulary.areas(words.term("area.\(area)")).ids == [area], "\(area)")
        }
        for code in CountryCode.all {
            #expect(vocabulary.country(words.country(code)) == code, "\(code): \(words.country(code))")
        }
    }
}
