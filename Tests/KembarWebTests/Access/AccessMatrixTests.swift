import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

@testable import KembarWeb

/// Every role against every route, including direct addresses and ids of someone else's records.
/// The site holds two governments: Bandung (the demonstration) and Kota Contoh.
@Suite struct AccessMatrixTests {
    enum Who: String, CaseIterable {
        case publicVisitor, partnerOfLiuzhou, viewer, researcher, officer, admin, deploymentAdmin, foreignOfficer
    }

    /// The expected status of a request to one address of a route for each visitor; 303 for the
    /// public means "go and sign in". A GET, or a POST for a route that takes only POSTs.
    struct Expectation {
        let route: KembarWeb.Route
        let path: String
        let expected: [Who: HTTPResponse.Status]
        var method: HTTPRequest.Method { route.methods.contains(.get) ? .get : .post }
    }

    static let liuzhou = "/partnerships/bandung/bandung-liuzhou"

    static func routes(partnerID: String, accountID: Int) -> [Expectation] {
        func route(
            _ route: KembarWeb.Route, _ path: String, public publicStatus: HTTPResponse.Status = .seeOther,
            partner: HTTPResponse.Status, readers: HTTPResponse.Status, officer: HTTPResponse.Status,
            foreign: HTTPResponse.Status = .notFound, except: [Who: HTTPResponse.Status] = [:]
        ) -> Expectation {
            Expectation(
                route: route, path: path,
                expected: [
                    .publicVisitor: publicStatus, .partnerOfLiuzhou: partner, .viewer: readers, .researcher: readers,
                    .officer: officer, .admin: officer, .deploymentAdmin: officer, .foreignOfficer: foreign,
                ].merging(except) { _, exception in exception })
        }
        // Only administrators manage accounts.
        let administrators: [Who: HTTPResponse.Status] = [.admin: .ok, .deploymentAdmin: .ok]
        // The public is sent to sign in before its form is read.
        let noToken = HTTPResponse.Status.seeOther
        return [
            route(.liveness, "/healthz", public: .ok, partner: .ok, readers: .ok, officer: .ok, foreign: .ok),
            route(.health, "/health", public: .ok, partner: .ok, readers: .ok, officer: .ok, foreign: .ok),
            route(.readiness, "/readyz", public: .ok, partner: .ok, readers: .ok, officer: .ok, foreign: .ok),
            // Signed in, the sign-in page sends one home; signed out, the sign-out page does.
            route(
                .signIn, "/sign-in", public: .ok, partner: .seeOther, readers: .seeOther, officer: .seeOther,
                foreign: .seeOther),
            route(.signOut, "/sign-out", partner: .ok, readers: .ok, officer: .ok, foreign: .ok),
            route(.password, "/account/password", partner: .ok, readers: .ok, officer: .ok, foreign: .ok),
            route(.mailPreferences, "/account/mail", partner: .ok, readers: .ok, officer: .ok, foreign: .ok),
            route(
                .forgotPassword, "/forgot-password", public: .ok, partner: .ok, readers: .ok, officer: .ok,
                foreign: .ok),
            // A link's token is its own key: an unknown one is nobody's.
            route(
                .accountLink, "/account/link/no-such-token", public: .notFound, partner: .notFound,
                readers: .notFound, officer: .notFound, foreign: .notFound),
            route(
                .revokeToken, "/account/tokens/999999/revoke", public: noToken, partner: .notFound,
                readers: .notFound, officer: .notFound),
            route(
                .accounts, "/admin/accounts", partner: .forbidden, readers: .forbidden, officer: .forbidden,
                foreign: .forbidden, except: administrators),
            route(
                .newAccount, "/admin/accounts/new", partner: .forbidden, readers: .forbidden, officer: .forbidden,
                foreign: .forbidden, except: administrators),
            route(
                .account, "/admin/accounts/\(accountID)", partner: .forbidden, readers: .forbidden,
                officer: .forbidden, foreign: .forbidden, except: administrators),
            route(
                .removeDocument, liuzhou + "/documents/saraswati-2022/remove", partner: .forbidden,
                readers: .forbidden, officer: .ok),
            // Coding takes a researcher, an officer or an administrator; an empty form is sent back.
            route(
                .codings, liuzhou + "/documents/saraswati-2022/codings", public: noToken, partner: .forbidden,
                readers: .forbidden, officer: .unprocessableContent,
                except: [.researcher: .unprocessableContent]),
            route(
                .removeCoding, liuzhou + "/documents/saraswati-2022/codings/999999/remove", public: noToken,
                partner: .forbidden, readers: .forbidden, officer: .notFound, except: [.researcher: .notFound]),
            route(
                .assessments, "/evidence/bandung/bandung-liuzhou/assessments", public: noToken, partner: .forbidden,
                readers: .forbidden, officer: .unprocessableContent,
                except: [.researcher: .unprocessableContent]),
            route(
                .annualReportChoice, "/reports/annual?year=2022&organization=bandung&format=html",
                partner: .forbidden, readers: .seeOther, officer: .seeOther, foreign: .badRequest),
            route(
                .proposal, "/review/bandung/bandung-liuzhou/proposals/999999", public: noToken, partner: .forbidden,
                readers: .forbidden, officer: .notFound),
            route(
                .submission, "/review/bandung/bandung-liuzhou/partner-activities/999999", public: noToken,
                partner: .forbidden, readers: .forbidden, officer: .notFound),
            route(
                .contributions, "/contribute/bandung/bandung-liuzhou/activities", partner: .ok, readers: .forbidden,
                officer: .forbidden),
            // A calendar feed's token is its key: a wrong one opens nothing, for anyone.
            route(
                .calendarFeed, "/feeds/no-such-token/bandung/calendar.ics", public: .notFound, partner: .notFound,
                readers: .notFound, officer: .notFound),
            route(
                .partnershipCalendarFeed, "/feeds/no-such-token/bandung/bandung-liuzhou/calendar.ics",
                public: .notFound, partner: .notFound, readers: .notFound, officer: .notFound),
            route(
                .portfolio, "/", partner: .seeOther, readers: .ok, officer: .ok, foreign: .ok),
            route(
                .map, "/map", partner: .forbidden, readers: .ok, officer: .ok, foreign: .ok),
            route(
                .partnership, liuzhou, partner: .ok, readers: .ok, officer: .ok),
            route(
                .partnership, "/partnerships/bandung/bandung-seoul", partner: .notFound, readers: .ok, officer: .ok),
            route(
                .editPartnership, liuzhou + "/edit", partner: .forbidden, readers: .forbidden, officer: .ok),
            route(
                .newRecord, liuzhou + "/activities/new", partner: .forbidden, readers: .forbidden, officer: .ok),
            route(
                .editRecord, liuzhou + "/agreements/mou-2006/edit", partner: .forbidden, readers: .forbidden,
                officer: .ok),
            route(
                .editPartnership, "/partnerships/bandung/bandung-seoul/edit", partner: .notFound, readers: .forbidden,
                officer: .ok),
            route(
                .editPartner, "/partners/bandung/\(partnerID)/edit", partner: .notFound, readers: .forbidden,
                officer: .ok),
            route(
                .newPartnership, "/partnerships/new", partner: .notFound, readers: .forbidden, officer: .ok,
                foreign: .ok),
            route(
                .history, "/history/bandung/bandung-liuzhou", partner: .forbidden, readers: .ok, officer: .ok),
            route(
                .proposals, "/review/bandung/bandung-liuzhou/proposals", partner: .forbidden, readers: .forbidden,
                officer: .ok),
            route(
                .submissions, "/review/bandung/bandung-liuzhou/partner-activities", partner: .forbidden,
                readers: .forbidden,
                officer: .ok),
            route(
                .newSubmission, "/contribute/bandung/bandung-liuzhou/activities/new", partner: .ok, readers: .forbidden,
                officer: .forbidden),
            route(
                .newSubmission, "/contribute/bandung/bandung-seoul/activities/new", partner: .notFound,
                readers: .forbidden,
                officer: .forbidden),
            route(
                .search, "/search?q=liuzhou", partner: .ok, readers: .ok, officer: .ok, foreign: .ok),
            route(
                .newDocument, liuzhou + "/documents/new", partner: .forbidden, readers: .forbidden, officer: .ok),
            route(
                .document, liuzhou + "/documents/saraswati-2022", partner: .ok, readers: .ok, officer: .ok),
            route(
                .describeDocument, liuzhou + "/documents/saraswati-2022/edit", partner: .forbidden, readers: .forbidden,
                officer: .ok),
            route(
                .document, "/partnerships/bandung/bandung-seoul/documents/adinda-2020", partner: .notFound,
                readers: .ok,
                officer: .ok),
            // A document of the record with no uploaded file.
            route(
                .documentFile, liuzhou + "/documents/saraswati-2022/file", partner: .notFound, readers: .notFound,
                officer: .notFound),
            route(
                .evidence, "/evidence", partner: .forbidden, readers: .ok, officer: .ok, foreign: .ok),
            route(
                .partnershipEvidence, "/evidence/bandung/bandung-liuzhou", partner: .forbidden, readers: .ok,
                officer: .ok),
            route(
                .partnershipEvidence, "/evidence/bandung/bandung-seoul", partner: .notFound, readers: .ok, officer: .ok),
            route(
                .projectExport, "/evidence/project.qdpx", partner: .forbidden, readers: .ok, officer: .ok, foreign: .ok),
            route(
                .codeBook, "/codebook", partner: .forbidden, readers: .ok, officer: .ok, foreign: .ok),
            route(
                .codeBookCSV, "/codebook.csv", partner: .forbidden, readers: .ok, officer: .ok, foreign: .ok),
            route(
                .codeBookQDC, "/codebook.qdc", partner: .forbidden, readers: .ok, officer: .ok, foreign: .ok),
            route(
                .dossier, liuzhou + "/dossier", partner: .forbidden, readers: .ok, officer: .ok),
            route(
                .dossier, "/partnerships/bandung/bandung-seoul/dossier", partner: .notFound, readers: .ok, officer: .ok),
            route(
                .reports, "/reports", partner: .forbidden, readers: .ok, officer: .ok, foreign: .ok),
            route(
                .annualReportHTML, "/reports/bandung/annual/2022.html", partner: .forbidden, readers: .ok, officer: .ok),
            route(
                .annualReportCSV, "/reports/bandung/annual/2022.csv", partner: .forbidden, readers: .ok, officer: .ok),
            route(
                .annualReportXLSX, "/reports/bandung/annual/2022.xlsx", partner: .forbidden, readers: .ok,
                officer: .ok),
            route(
                .recordWorkbook, "/export/bandung/kerja-sama.xlsx", partner: .forbidden, readers: .ok, officer: .ok),
            // The template holds no one's record; importing takes an editor of some government.
            route(
                .importTemplate, "/import-template.xlsx", partner: .ok, readers: .ok, officer: .ok, foreign: .ok),
            route(.importList, "/import", partner: .notFound, readers: .forbidden, officer: .ok, foreign: .ok),
            // The national overview is the ministry's (the deployment's accounts); a province's is
            // for provinces only, and Bandung is none.
            route(
                .national, "/national", partner: .forbidden, readers: .forbidden, officer: .forbidden,
                foreign: .forbidden, except: [.deploymentAdmin: .ok]),
            route(.provinceOverview, "/provinces/bandung", partner: .forbidden, readers: .notFound, officer: .notFound),
            route(
                .nationalCompilation, "/reports/national/2025", partner: .forbidden, readers: .forbidden,
                officer: .forbidden, foreign: .forbidden, except: [.deploymentAdmin: .ok]),
            route(
                .provinceCompilation, "/reports/provinces/bandung/2025", partner: .forbidden, readers: .notFound,
                officer: .notFound),
            // The twin-town directory is reference data, the same for every signed-in person.
            route(.directory, "/directory?q=Liuzhou", partner: .ok, readers: .ok, officer: .ok, foreign: .ok),
            // An upload is its uploader's alone: anyone else is told there is none.
            route(
                .importPreview, "/import/bandung/no-such-upload", partner: .notFound, readers: .forbidden,
                officer: .notFound),
            route(
                .publicHome, "/public", public: .ok, partner: .ok, readers: .ok, officer: .ok, foreign: .ok),
            route(
                .publicOrganization, "/public/bandung", public: .ok, partner: .ok, readers: .ok, officer: .ok,
                foreign: .ok),
            route(
                .publicPartnership, "/public/bandung/partnerships/bandung-liuzhou", public: .ok, partner: .ok,
                readers: .ok, officer: .ok,
                foreign: .ok),
            route(
                .tokens, "/account/tokens", partner: .ok, readers: .ok, officer: .ok, foreign: .ok),
            route(
                .publicCalendar, "/public/bandung/calendar.ics", public: .ok, partner: .ok, readers: .ok, officer: .ok,
                foreign: .ok),
            route(
                .publicPartners, "/public/bandung/partners.geojson", public: .ok, partner: .ok, readers: .ok,
                officer: .ok, foreign: .ok),
            route(
                .publicFeed, "/public/bandung/feed.atom", public: .ok, partner: .ok, readers: .ok, officer: .ok,
                foreign: .ok),
            route(
                .propose, "/public/bandung/partnerships/bandung-liuzhou/propose", public: .ok, partner: .ok,
                readers: .ok,
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
            let subject = try await AccountStore(database: site.database, passwords: testPasswords).create(
                .init(
                    email: "subject@test.example", name: "Subject", role: .viewer, organizationID: "bandung",
                    partnershipID: nil),
                password: "test password 1", oneTime: false, actor: "test"
            ).id
            let expectations = Self.routes(partnerID: partnerID, accountID: subject)
            // Every route of the site's table has its boundary written down here.
            let missing = Set(KembarWeb.Route.allCases).subtracting(expectations.map(\.route))
            #expect(missing.isEmpty, "routes with no access expectation: \(missing.map(\.rawValue).sorted())")
            for route in expectations {
                for who in Who.allCases {
                    let visitor = visitors[who]!
                    let page = try await route.method == .get ? visitor.get(route.path) : visitor.post(route.path, [])
                    #expect(page.status == route.expected[who], "\(who) \(route.method) \(route.path)")
                    if who == .publicVisitor, route.expected[who] == .seeOther, route.route.access != .anyone {
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
                // The public is sent to sign in before the form is read; others are refused by
                // role, or told that another government's partnership does not exist.
                let refusal: HTTPResponse.Status =
                    who == .publicVisitor ? .seeOther : who == .foreignOfficer ? .notFound : .forbidden
                #expect(page.status == refusal, "\(who)")
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
