import Foundation
import KembarCore
import Testing

@testable import KembarDocuments

/// The import's plan for lists that other programs wrote, against the demonstration record.
@Suite struct SpreadsheetImportFixtureTests {
    static func plan(_ name: String) throws -> ImportPlan {
        let record = try DemoRecord.record()
        let book = try SpreadsheetFile.read(try SpreadsheetReadingTests.fixture(name), fileName: name)
        return SpreadsheetImport(
            organization: record.organization, existing: record.partnerships,
            partners: record.partnerships.map { ($0.id, $0.partner) }, fileName: name
        ).plan(book)
    }

    @Test func theListSavedByLibreOfficeFillsTheDemoRecordAndAddsTwoPartnerships() throws {
        let plan = try Self.plan("daftar-libreoffice.xlsx")
        #expect(!plan.hasErrors)
        #expect(plan.problems.map(\.place) == ["Kerja Sama!G11"])
        #expect(plan.layouts.first?.unknownHeaders == [8: "Penanggung Jawab"])
        let created = plan.partnerships.filter { $0.action == .create }.map(\.partnership)
        #expect(created.map(\.partner.name) == ["Provinsi Gyeonggi", "Universita di Bologna"])
        #expect(created.map(\.kind) == [.sisterProvince, .institution])
        #expect(created[0].agreements.first?.areas == ["other"])
        // Yingkou's record knows only that its MoU was signed before 2016: the list's
        // 17 May 2010 is that MoU, whose end and areas the record lacked.
        let yingkou = try #require(plan.partnerships.first { $0.partnership.partner.name == "Yingkou" })
        #expect(yingkou.partnership.agreements.count == 1)
        #expect(yingkou.partnership.agreements.first?.signed.description == "[..2016]")
        #expect(yingkou.partnership.agreements.first?.validUntil?.description == "2020-05-16")
        #expect(yingkou.partnership.agreements.first?.areas == ["economy"])
        let cotabato = try #require(plan.partnerships.first { $0.partnership.partner.name == "Cotabato City" })
        #expect(cotabato.partnership.agreements.last?.validUntil?.description == "2024-06-26")
    }

    @Test func formulasThatOpenpyxlNeverComputedAreErrorsNamingTheirCells() throws {
        let plan = try Self.plan("daftar-openpyxl.xlsx")
        #expect(plan.problems.filter(\.isError).map(\.place) == ["Kerja Sama!E13", "Kerja Sama!F13"])
        #expect(plan.problems.filter(\.isError).allSatisfy { $0.reason == .uncomputedFormula })
    }

    @Test func theWindows1252ListBringsLiegeWithItsNotes() throws {
        let plan = try Self.plan("daftar-cp1252.csv")
        #expect(plan.problems.isEmpty)
        let liege = try #require(plan.partnerships.first { $0.action == .create }?.partnership)
        #expect(liege.partner == Partner(name: "Liège", country: "BE", kind: .city))
        #expect(liege.id == "bandung-liege")
        #expect(liege.documents.first?.text == "Nilai hibah 1,5 miliar; \"Maison de la Culture\"")
        #expect(liege.agreements.first?.signed.description == "2012-03-12")
    }
}
