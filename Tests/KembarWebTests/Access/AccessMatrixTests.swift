import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import KembarWeb
import Testing

/// Every role against every route, including direct addresses and ids of someone else's records.
/// The site holds two governments: Bandung (the demonstration) and Kota Contoh.
@Suite struct AccessMatrixTests {
    enum Who: String, CaseIterable {
        case publicVisitor, partnerOfLiuzhou, viewer, researcher, officer, admin, deploymentAdmin, foreignOfficer
    }

    /// The expected status of a GET for each visitor; 303 for the public means "go and sign in".
    struct Route {
        let path: String
        let expected: [Who: HTTPResponse.Status]
    }

    static let liuzhou = "/partnerships/bandung/bandung-liuzhou"

    static func routes(partnerID: String) -> [Route] {
        func route(
            _ path: String, public publicStatus: HTTPResponse.Status = .seeOther,
            partner: HTTPResponse.Status, readers: HTTPResponse.Status, officer: HTTPResponse.Status,
            foreign: HTTPResponse.Status = .notFound
        ) -> Route {
            Route(
                path: path,
                expected: [
                    .publicVisitor: publicStatus, .partnerOfLiuzhou: partner, .viewer: readers, .researcher: readers,
                    .officer: officer, .admin: officer, .deploymentAdmin: officer, .foreignOfficer: foreign,
                ])
        }
        return [
            route("/", partner: .seeOther, readers: .ok, officer: .ok, foreign: .ok),
            route("/map", partner: .forbidden, readers: .ok, officer: .ok, foreign: .ok),
            route(liuzhou, partner: .ok, readers: .ok, officer: .ok),
            route("/partnerships/bandung/bandung-seoul", partner: .notFound, readers: .ok, officer: .ok),
            route(liuzhou + "/edit", partner: .forbidden, readers: .forbidden, officer: .ok),
            route(liuzhou + "/activities/new", partner: .forbidden, readers: .forbidden, officer: .ok),
            route(liuzhou + "/agreements/mou-2006/edit", partner: .forbidden, readers: .forbidden, officer: .ok),
            route("/partnerships/bandung/bandung-seoul/edit", partner: .notFound, readers: .forbidden, officer: .ok),
            route("/partners/bandung/\(partnerID)/edit", partner: .notFound, readers: .forbidden, officer: .ok),
            route("/partnerships/new", partner: .notFound, readers: .forbidden, officer: .ok, foreign: .ok),
            route("/history/bandung/bandung-liuzhou", partner: .forbidden, readers: .ok, officer: .ok),
            route("/review/bandung/bandung-liuzhou/proposals", partner: .forbidden, readers: .forbidden, officer: .ok),
            route(
                "/review/bandung/bandung-liuzhou/partner-activities", partner: .forbidden, readers: .forbidden,
                officer: .ok),
            route(
                "/contribute/bandung/bandung-liuzhou/activities/new", partner: .ok, readers: .forbidden,
                officer: .forbidden),
            route(
                "/contribute/bandung/bandung-seoul/activities/new", partner: .notFound, readers: .forbidden,
                officer: .forbidden),
            route("/search?q=liuzhou", partner: .ok, readers: .ok, officer: .ok, foreign: .ok),
            route(liuzhou + "/documents/new", partner: .forbidden, readers: .forbidden, officer: .ok),
            route(liuzhou + "/documents/saraswati-2022", partner: .ok, readers: .ok, officer: .ok),
            route(liuzhou + "/documents/saraswati-2022/edit", partner: .forbidden, readers: .forbidden, officer: .ok),
            route(
                "/partnerships/bandung/bandung-seoul/documents/adinda-2020", partner: .notFound, readers: .ok,
                officer: .ok),
            // A document of the record with no uploaded file.
            route(
                liuzhou + "/documents/saraswati-2022/file", partner: .notFound, readers: .notFound, officer: .notFound),
            route("/evidence", partner: .forbidden, readers: .ok, officer: .ok, foreign: .ok),
            route("/evidence/bandung/bandung-liuzhou", partner: .forbidden, readers: .ok, officer: .ok),
            route("/evidence/bandung/bandung-seoul", partner: .notFound, readers: .ok, officer: .ok),
            route("/evidence/project.qdpx", partner: .forbidden, readers: .ok, officer: .ok, foreign: .ok),
            route("/codebook", partner: .forbidden, readers: .ok, officer: .ok, foreign: .ok),
            route("/codebook.csv", partner: .forbidden, readers: .ok, officer: .ok, foreign: .ok),
            route("/codebook.qdc", partner: .forbidden, readers: .ok, officer: .ok, foreign: .ok),
            route(liuzhou + "/dossier", partner: .forbidden, readers: .ok, officer: .ok),
            route("/partnerships/bandung/bandung-seoul/dossier", partner: .notFound, readers: .ok, officer: .ok),
            route("/reports", partner: .forbidden, readers: .ok, officer: .ok, foreign: .ok),
            route("/reports/bandung/annual/2022.html", partner: .forbidden, readers: .ok, officer: .ok),
            route("/reports/bandung/annual/2022.csv", partner: .forbidden, readers: .ok, officer: .ok),
            route("/public", public: .ok, partner: .ok, readers: .ok, officer: .ok, foreign: .ok),
            route("/public/bandung", public: .ok, partner: .ok, readers: .ok, officer: .ok, foreign: .ok),
            route(
                "/public/bandung/partnerships/bandung-liuzhou", public: .ok, partner: .ok, readers: .ok, officer: .ok,
                foreign: .ok),
            route("/account/tokens", partner: .ok, readers: .ok, officer: .ok, foreign: .ok),
            route("/public/bandung/calendar.ics", public: .ok, partner: .ok, readers: .ok, officer: .ok, foreign: .ok),
            route(
                "/public/bandung/partners.geojson", public: .ok, partner: .ok, readers: .ok, officer: .ok, foreign: .ok),
            route("/public/bandung/feed.atom", public: .ok, partner: .ok, readers: .ok, officer: .ok, foreign: .ok),
            route(
                "/public/bandung/partnerships/bandung-liuzhou/propose", public: .ok, partner: .ok, readers: .ok,
                officer: .ok, foreign: .ok),
        ]
    }

    static func visitors(_ site: WebHarness) async throws -> [Who: WebHarness] {
        var result: [Who: WebHarness] = [.publicVisitor: site.anonymous]
        result[.partnerOfLiuzhou] = try await site.signedIn(
            .partner, organizationID: "bandung", partnershipID: "bandung-liuzhou")
        result[.viewer] = try await site.signedIn(.viewer, organizationID: "bandung")
        result[.researcher] = try await site.signedIn(.researcher, organizationID: "bandung")
        result[.officer] = try await site.signedIn(.officer, organizationID: "bandung")
        result[.admin] = try await site.signedIn(.admin, organizationID: "bandung")
        result[.deploymentAdmin] = try await site.signedIn(.admin, organizationID: nil)
        result[.foreignOfficer] = try await site.signedIn(.officer, organizationID: "kota-contoh")
        return result
    }

    /// The demonstration and a second government, in one database.
    static func withTwoGovernments(_ body: @escaping @Sendable (WebHarness) async throws -> Void) async throws {
        try await WebHarness.with(signedIn: false) { site in
            try await RecordStore(database: site.database).importRecord(
                Fixtures.minimalRecord(), actor: "test", source: "fixture")
            try await body(site)
        }
    }

    @Test func everyRoleMeetsExactlyItsBoundaryOnEveryRoute() async throws {
        try await Self.withTwoGovernments { site in
            let partnerID =
                try await RecordStore(database: site.database).partnership(
                    organizationID: "bandung", id: "bandung-liuzhou")?.partnerID ?? ""
            let visitors = try await Self.visitors(site)
            for route in Self.routes(partnerID: partnerID) {
                for who in Who.allCases {
                    let page = try await visitors[who]!.get(route.path)
                    #expect(page.status == route.expected[who], "\(who) GET \(route.path)")
                    if who == .publicVisitor, route.expected[who] == .seeOther, route.path != "/" {
                        #expect(page.headers[.location]?.hasPrefix("/sign-in?next=") == true, "\(route.path)")
                    }
                }
            }
        }
    }

    @Test func anOfficerOfOneGovernmentNeverSeesAnothersRecords() async throws {
        try await Self.withTwoGovernments { site in
            let visitors = try await Self.visitors(site)
            let foreign = visitors[.foreignOfficer]!
            for path in ["/", "/map", "/partnerships/new"] {
                let page = try await foreign.get(path)
                #expect(!page.html.contains("Liuzhou"), "\(path)")
                #expect(!page.html.contains("Bandung"), "\(path)")
            }
            #expect(try await foreign.get("/").html.contains("Partner City"))
            // The deployment's administrator (a ministry) sees both.
            let both = try await visitors[.deploymentAdmin]!.get("/").html
            #expect(both.contains("Liuzhou") && both.contains("Partner City"))
            // Bandung's officer does not see Kota Contoh.
            #expect(!(try await visitors[.officer]!.get("/").html.contains("Partner City")))
        }
    }

    @Test func changesFromOutsideTheBoundaryAreRefusedAndWriteNothing() async throws {
        try await Self.withTwoGovernments { site in
            let visitors = try await Self.visitors(site)
            let before = try await site.storedRecord(organizationID: "bandung")
            let officerForm = formFields(try await visitors[.officer]!.get(Self.liuzhou + "/edit").html)
            let renamed = setting(officerForm, "id", "taken-over")
            for who in [Who.viewer, .researcher, .partnerOfLiuzhou, .foreignOfficer, .publicVisitor] {
                let page = try await visitors[who]!.post(
                    Self.liuzhou + "/edit", renamed.filter { $0.0 != "_csrf" })
                // The public's form carries no session's token; others are refused by role, or
                // told that another government's partnership does not exist.
                #expect(page.status == (who == .foreignOfficer ? .notFound : .forbidden), "\(who)")
            }
            let viewerPage = try await visitors[.viewer]!.post(
                Self.liuzhou + "/activities/new", [("title", "Viewer's visit"), ("start", "2026-01-01")])
            #expect(viewerPage.status == .forbidden)
            #expect(try await site.storedRecord(organizationID: "bandung") == before)
            let entries = try await AuditLog.entries(in: site.database, organizationID: "bandung")
            #expect(entries.allSatisfy { $0.entity != "partnership" && $0.entity != "activity" })
        }
    }

    @Test func aPartnerGoesStraightToItsOwnPartnership() async throws {
        try await Self.withTwoGovernments { site in
            let partner = try await site.signedIn(
                .partner, organizationID: "bandung", partnershipID: "bandung-liuzhou")
            let home = try await partner.get("/")
            #expect(home.headers[.location] == Self.liuzhou)
            let page = try await partner.get(Self.liuzhou)
            #expect(page.html.contains("/contribute/bandung/bandung-liuzhou/activities/new"))
            #expect(!page.html.contains("/edit\""))
            #expect(!page.html.contains("href=\"/map\""))
        }
    }

    @Test func readersSeeNoEditLinks() async throws {
        try await Self.withTwoGovernments { site in
            let viewer = try await site.signedIn(.viewer, organizationID: "bandung")
            let page = try await viewer.get(Self.liuzhou)
            #expect(page.status == .ok)
            #expect(!page.html.contains("/edit\""))
            #expect(!page.html.contains("/partnerships/new"))
            #expect(page.html.contains("/history/bandung/bandung-liuzhou"))
        }
    }
}
