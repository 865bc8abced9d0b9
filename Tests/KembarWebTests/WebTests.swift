import Foundation
import Hummingbird
import HummingbirdTesting
import KembarCore
import KembarStore
import KembarTestSupport
import KembarWeb
import Testing

/// Renders pages through the router, as a browser would request them.
@Suite struct PortfolioPageTests {
    private func withApp(
        demo: Bool = true, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        try await TestDatabase.withMigrated { database in
            if demo {
                try await RecordStore(database: database).importRecord(
                    try Fixtures.demoRecord(), actor: "test", source: "demo")
            }
            let router = try buildRouter(database: database, renderer: try await PageRenderer.bundled())
            try await Application(router: router).test(.router, body)
        }
    }

    @Test func listsThePartnershipsInBahasaIndonesiaByDefault() async throws {
        try await withApp { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"id\">"))
                #expect(html.contains("Portofolio kerja sama"))
                #expect(html.contains("Liuzhou <span class=\"native\">柳州市</span>"))
                #expect(html.contains("Tiongkok"))
                #expect(html.contains("April 2022"))
                for partner in [
                    "Braunschweig", "Seoul", "Suwon", "Yingkou", "Namur", "Cotabato City", "Cuenca", "Fort Worth",
                    "Petaling Jaya",
                ] {
                    #expect(html.contains(partner))
                }
                #expect(html.contains("GeoNames"))
                #expect(response.headers[.setCookie] == nil)
            }
        }
    }

    @Test func switchesToEnglishAndRemembersTheChoice() async throws {
        try await withApp { client in
            let cookie = try await client.execute(uri: "/?lang=en", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"en\">"))
                #expect(html.contains("Cooperation portfolio"))
                #expect(html.contains("China"))
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.contains("kembar_lang=en"))
                #expect(cookie.contains("SameSite=Lax"))
                return cookie
            }
            let value = String(cookie.split(separator: ";")[0])
            try await client.execute(uri: "/", method: .get, headers: [.cookie: value]) { response in
                #expect(String(buffer: response.body).contains("Cooperation portfolio"))
            }
            try await client.execute(uri: "/?lang=xx", method: .get) { response in
                #expect(String(buffer: response.body).contains("Portofolio kerja sama"))
            }
        }
    }

    @Test func tellsAnOfficerHowToLoadARecordWhenThereIsNone() async throws {
        try await withApp(demo: false) { client in
            try await client.execute(uri: "/", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("kembar import"))
                #expect(!html.contains("<table"))
                #expect(!html.contains("GeoNames"))
            }
        }
    }

    @Test func servesTheStylesheetAndAHealthCheck() async throws {
        try await withApp(demo: false) { client in
            try await client.execute(uri: "/static/kembar.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("@media print"))
            }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(String(buffer: response.body) == "ok")
            }
            try await client.execute(uri: "/no-such-page", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func escapesRecordTextInThePage() async throws {
        try await TestDatabase.withMigrated { database in
            var record = Fixtures.minimalRecord()
            record.partnerships[0].partner.name = "<script>alert(1)</script>"
            try await RecordStore(database: database).importRecord(record, actor: "test", source: "fixture")
            let router = try buildRouter(database: database, renderer: try await PageRenderer.bundled())
            try await Application(router: router).test(.router) { client in
                try await client.execute(uri: "/", method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(!html.contains("<script>"))
                    #expect(html.contains("&lt;script&gt;"))
                }
            }
        }
    }
}

@Suite struct CatalogTests {
    @Test func bothLanguagesHoldTheSameKeys() throws {
        let catalog = try Catalog.bundled()
        let indonesian = catalog.keys(.indonesian)
        let english = catalog.keys(.english)
        #expect(
            indonesian.subtracting(english).isEmpty, "missing in English: \(indonesian.subtracting(english).sorted())")
        #expect(
            english.subtracting(indonesian).isEmpty,
            "missing in Indonesian: \(english.subtracting(indonesian).sorted())")
        #expect(!indonesian.isEmpty)
    }

    @Test func everyKeyATemplateUsesExists() throws {
        let catalog = try Catalog.bundled()
        let templates = templatesDirectory()
        for file in try FileManager.default.contentsOfDirectory(at: templates, includingPropertiesForKeys: nil) {
            let text = try String(contentsOf: file, encoding: .utf8)
            for key in text.matches(of: /\{\{t\.([A-Za-z0-9_\-]+)\}\}/).map({ String($0.1) }) {
                #expect(catalog.keys(.indonesian).contains(key), "\(file.lastPathComponent) uses missing key \(key)")
            }
        }
    }

    @Test func everyKeyTheCodeBuildsExists() throws {
        let catalog = try Catalog.bundled()
        let built =
            Partnership.Kind.allCases.map { "partnership_kind_\($0.rawValue)" } + (1...12).map { "month_\($0)" }
            + [
                "date_between", "date_or_earlier", "date_or_later", "country_CN", "portfolio_caption",
                "portfolio_title",
            ]
        for key in built {
            #expect(catalog.keys(.indonesian).contains(key), "missing key \(key)")
        }
    }

    private func templatesDirectory() -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Sources/KembarWeb/Resources/templates")
    }
}
