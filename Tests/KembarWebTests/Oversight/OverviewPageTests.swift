import Foundation
import HTTPTypes
import KembarCore
import KembarDocuments
import KembarStore
import KembarTestSupport
import Testing

@testable import KembarWeb

/// The ministry's and a province's overview of the governments below them.
@Suite struct OverviewPageTests {
    @Test func theMinistrySeesEveryGovernmentUnderItsProvince() async throws {
        try await ProvinceAccessTests.withHierarchy { site in
            let ministry = try await site.signedIn(.viewer, organizationID: nil)
            let page = try await ministry.get("/national", language: "en")
            #expect(page.status == .ok)
            #expect(page.text.contains("National overview"))
            let text = page.text
            // Provinces in order, each with its governments; Bandung's ten partnerships among them.
            let jabar = try #require(text.range(of: "Pemerintah prov-jabar"))
            let jateng = try #require(text.range(of: "Pemerintah prov-jateng"))
            #expect(jabar.lowerBound < jateng.lowerBound)
            #expect(text.contains("3 governments, 12 partnerships"))
            #expect(text.contains("Partner countries"))
            // Few lines: each partnership drawn from its government, in its health's colour.
            #expect(page.html.contains("<svg class=\"world\""))
            #expect(page.html.contains("<title>Pemerintah Kota Bandung – Liuzhou: "))
            let filtered = try await ministry.get("/national?province=prov-jateng&level=city", language: "en")
            #expect(filtered.text.contains("Pemerintah kota-solo"))
            #expect(!filtered.text.contains("Bandung"))
            let csv = try await ministry.download("/national?format=csv")
            let table = String(decoding: csv.bytes, as: UTF8.self)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(table.split(separator: "\r\n").count == 1 + 5)
            let xlsx = try await ministry.download("/national?format=xlsx")
            let sheet = try SpreadsheetFile.read(xlsx.bytes, fileName: "o.xlsx").sheets[0]
            #expect(sheet.rows.count == 1 + 5)
            let bandung = try #require(sheet.rows.first { $0[1] == .text("Pemerintah Kota Bandung") })
            #expect(bandung[4] == .number(10))
        }
    }

    @Test func aProvinceSeesItsOwnOverviewAndNoOtherNorTheNations() async throws {
        try await ProvinceAccessTests.withHierarchy { site in
            let province = try await site.signedIn(.viewer, organizationID: "prov-jabar")
            let page = try await province.get("/provinces/prov-jabar", language: "en")
            #expect(page.status == .ok)
            #expect(page.text.contains("Pemerintah Kota Bandung"))
            #expect(!page.text.contains("Pemerintah kota-solo"))
            #expect(try await province.get("/provinces/prov-jateng").status == .notFound)
            #expect(try await province.get("/national").status == .forbidden)
            #expect(try await province.get("/provinces/bandung").status == .notFound)
        }
    }
}

/// The yearly compilation of the governments below the ministry or a province.
@Suite struct CompilationPageTests {
    @Test func theMinistryAndAProvinceCompileTheYearlyReportsOfTheGovernmentsBelowThem() async throws {
        try await ProvinceAccessTests.withHierarchy { site in
            let ministry = try await site.signedIn(.viewer, organizationID: nil)
            let reports = try await ministry.get("/reports", language: "en")
            #expect(reports.html.contains("href=\"/reports/national/2026\""))
            let page = try await ministry.get("/reports/national/2025")
            #expect(page.status == .ok)
            #expect(page.text.contains("Kompilasi laporan tahunan kerja sama luar negeri tahun 2025"))
            #expect(page.html.contains("href=\"/reports/bandung/annual/2025.html\""))
            let csv = String(
                decoding: try await ministry.download("/reports/national/2025?format=csv").bytes, as: UTF8.self)
            #expect(csv.contains("Provinsi,Pemerintah daerah,Tahun"))
            #expect(csv.contains("Pemerintah prov-jabar,Pemerintah Kota Bandung,2025"))
            let province = try await site.signedIn(.viewer, organizationID: "prov-jabar")
            #expect(
                try await province.get("/reports", language: "en").html.contains(
                    "href=\"/reports/provinces/prov-jabar/2026\""))
            let own = String(
                decoding: try await province.download("/reports/provinces/prov-jabar/2025?format=csv").bytes,
                as: UTF8.self)
            #expect(own.contains("Pemerintah Kota Bandung"))
            #expect(!own.contains("Pemerintah kota-solo"))
            #expect(try await province.get("/reports/national/2025").status == .forbidden)
            #expect(try await province.get("/reports/provinces/prov-jateng/2025").status == .notFound)
        }
    }
}

/// The overview's map past its limit of lines.
@Suite struct OversightMapViewTests {
    @Test func pastTheLimitEachLineJoinsTwoCountriesAndSaysHowManyPartnershipsItCarries() throws {
        var record = try Fixtures.demoRecord()
        record.organization.place.coordinate = Coordinate(latitude: -6.9, longitude: 107.6)
        let summary = GovernmentSummary(record: record, evaluations: [:], today: RecordBuilder.day("2026-12-05"))
        let words = Words(language: .english, catalog: try Catalog.bundled())
        let view = OversightMapView(OversightMap([summary], lineLimit: 1), world: try WorldMap.bundled(), words: words)
        let china = record.partnerships.count { $0.partner.country == "CN" }
        #expect(view.svg.contains("<title>Indonesia – China: \(china) partnership"))
        #expect(view.svg.contains("class=\"flow\""))
        #expect(!view.svg.contains("class=\"link "))
        #expect(view.explanation.contains("each of the"))
        #expect(!view.hasLegend)
    }
}

/// The overview's kept summaries follow each save.
@Suite struct OverviewFreshnessTests {
    @Test func aSaveInOneGovernmentIsSummedAgainAndTheOthersKept() async throws {
        try await ProvinceAccessTests.withHierarchy { site in
            let ministry = try await site.signedIn(.viewer, organizationID: nil)
            let before = try await ministry.download("/national?format=csv")
            #expect(String(decoding: before.bytes, as: UTF8.self).contains("Pemerintah Kota Bandung,kota,,10,"))
            let officer = try await site.signedIn(.officer, organizationID: "bandung")
            let saved = try await officer.post(
                "/partnerships/new",
                [
                    ("kind", "sister-city"), ("partner", ""), ("partner_name", "Hamamatsu"), ("partner_country", "JP"),
                    ("partner_kind", "city"), ("save", "yes"),
                ])
            #expect(saved.status == .seeOther)
            let after = String(decoding: try await ministry.download("/national?format=csv").bytes, as: UTF8.self)
            #expect(after.contains("Pemerintah Kota Bandung,kota,,11,"))
            #expect(after.contains("Pemerintah kota-cimahi,kota,,1,"))
        }
    }
}
