import Foundation
import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// Reading the record through `/api/v1` with a personal API token.
@Suite struct APIReadingTests {
    static let liuzhou = "/api/v1/organizations/bandung/partnerships/bandung-liuzhou"

    @Test func withoutAValidAPITokenEveryAnswerIsAProblem() async throws {
        try await WebHarness.with { site in
            let none = try await site.api(.get, "/api/v1/organizations", token: nil)
            #expect(none.status == .unauthorized)
            #expect(none.headers[.contentType] == "application/problem+json")
            #expect(none.headers[.wwwAuthenticate] == "Bearer realm=\"kembar\"")
            #expect(none.value(at: ["type"]) == .string("/api/problems/authentication-required"))
            #expect(none.value(at: ["status"]) == .number(401))
            let made = "kembar_" + String(repeating: "z", count: 43)
            for token in [made, "not-even-a-token", ""] {
                let bad = try await site.api(.get, "/api/v1/organizations", token: token)
                #expect(bad.status == .unauthorized, "\(token)")
            }
            let invalid = try await site.api(.get, "/api/v1/organizations", token: made)
            #expect(invalid.headers[.wwwAuthenticate]?.contains("error=\"invalid_token\"") == true)
            // A calendar token does not open the API; the session cookie is not read either.
            let calendar = try await site.post("/account/tokens", [("name", "c"), ("purpose", "calendar")])
            let calendarToken = try #require(TokensPageTests.secret(in: calendar.html))
            #expect(try await site.api(.get, "/api/v1/organizations", token: calendarToken).status == .unauthorized)
            #expect(try await site.get("/api/v1/organizations").status == .unauthorized)
        }
    }

    @Test func listsAreInPagesWithTheNextPagesAddress() async throws {
        try await WebHarness.with { site in
            let token = try await site.apiToken()
            let record = try Fixtures.demoRecord()
            let first = try await site.api(.get, "/api/v1/organizations/bandung/partnerships?limit=4", token: token)
            #expect(first.status == .ok)
            #expect(first.headers[.contentType] == "application/json")
            #expect(first.value(at: ["total"]) == .number(Double(record.partnerships.count)))
            let ids = record.partnerships.map(\.id).sorted()
            #expect(first.value(at: ["items", 0, "id"]) == .string(ids[0]))
            #expect(first.value(at: ["items", 4]) == nil)
            let next = "/api/v1/organizations/bandung/partnerships?limit=4&offset=4"
            #expect(first.value(at: ["next"]) == .string(next))
            #expect(first.headers[HTTPField.Name("Link")!] == "<\(next)>; rel=\"next\"")
            let second = try await site.api(.get, next, token: token)
            #expect(second.value(at: ["items", 0, "id"]) == .string(ids[4]))
            let last = try await site.api(.get, "/api/v1/organizations/bandung/partnerships?offset=500", token: token)
            #expect(last.value(at: ["items"]) == .array([]))
            #expect(last.value(at: ["next"]) == .null)
            let summary = try #require(
                try await site.api(.get, "/api/v1/organizations/bandung/partnerships", token: token).json?.value(
                    at: ["items"]))
            guard case .array(let items) = summary else { return }
            let liuzhou = try #require(items.first { $0.value(at: ["id"]) == .string("bandung-liuzhou") })
            #expect(liuzhou.value(at: ["health"]) == .string("critical"))
            #expect(liuzhou.value(at: ["category"]) == .string("ksdpl"))
            #expect(liuzhou.value(at: ["partner", "nativeName"]) == .string("柳州市"))
            for query in ["limit=0", "limit=201", "limit=abc", "offset=-1"] {
                let bad = try await site.api(.get, "/api/v1/organizations/bandung/partners?\(query)", token: token)
                #expect(bad.status == .badRequest, "\(query)")
                #expect(bad.value(at: ["errors", 0, "pointer"]) == .string(String(query.prefix { $0 != "=" })))
            }
        }
    }

    @Test func aPartnershipIsItsKembarRecord() async throws {
        try await WebHarness.with { site in
            let token = try await site.apiToken()
            let answer = try await site.api(.get, Self.liuzhou, token: token)
            #expect(answer.status == .ok)
            let stored = try await site.storedRecord().partnerships.first { $0.id == "bandung-liuzhou" }!
            #expect(answer.json == RecordEncoder.value(stored))
            let agreements = try await site.api(.get, Self.liuzhou + "/agreements", token: token)
            #expect(agreements.value(at: ["items", 0]) == RecordEncoder.value(stored.agreements[0]))
            let obligations = try await site.api(.get, Self.liuzhou + "/obligations", token: token)
            #expect(obligations.value(at: ["items", 0, "occurrences", 0, "status"]) == .string("missed"))
            let activities = try await site.api(.get, Self.liuzhou + "/activities?limit=200", token: token)
            #expect(activities.value(at: ["total"]) == .number(Double(stored.activities.count)))
            let one = try await site.api(.get, Self.liuzhou + "/activities/" + stored.activities[2].id, token: token)
            #expect(one.json == RecordEncoder.value(stored.activities[2]))
            let none = try await site.api(.get, Self.liuzhou + "/activities/nothing", token: token)
            #expect(none.status == .notFound)
            #expect(none.headers[.contentType] == "application/problem+json")
            let documents = try await site.api(.get, Self.liuzhou + "/documents", token: token)
            #expect(documents.value(at: ["items", 0, "id"]) == .string(stored.documents[0].id))
            #expect(documents.value(at: ["items", 0, "text"]) == nil)
            #expect(
                try await site.api(.get, "/api/v1/organizations/bandung/partnerships/atlantis", token: token).status
                    == .notFound)
        }
    }

    @Test func evaluationsAreTheEvaluateCommandsOutput() async throws {
        try await WebHarness.with { site in
            let token = try await site.apiToken()
            let answer = try await site.api(.get, Self.liuzhou + "/evaluation?asOf=2022-05-11", token: token)
            #expect(answer.status == .ok)
            let expected = try Evaluator.evaluate(
                try await site.storedRecord(), asOf: CalendarDay(iso: "2022-05-11")!,
                partnershipIDs: ["bandung-liuzhou"])
            #expect(answer.json == EvaluationEncoder.value(expected))
            #expect(answer.value(at: ["partnerships", 0, "elements", "commitment", "status"]) == .string("unmet"))
            let all = try await site.api(.get, "/api/v1/organizations/bandung/evaluation", token: token)
            #expect(all.value(at: ["asOf"]) == .string("2026-11-29"))
            let bad = try await site.api(.get, Self.liuzhou + "/evaluation?asOf=2022-02-30", token: token)
            #expect(bad.status == .badRequest)
            #expect(bad.value(at: ["errors", 0, "pointer"]) == .string("asOf"))
            let report = try await site.api(.get, "/api/v1/organizations/bandung/reports/annual/2022", token: token)
            #expect(report.status == .ok)
            #expect(report.value(at: ["asOf"]) == .string("2022-12-31"))
            #expect(report.value(at: ["cooperations", 0, "category"]) == .string("ksdpl"))
            #expect(
                try await site.api(.get, "/api/v1/organizations/bandung/reports/annual/2031", token: token).status
                    == .notFound)
            #expect(
                try await site.api(.get, "/api/v1/organizations/bandung/reports/annual/twenty", token: token).status
                    == .badRequest)
        }
    }

    @Test func tokensReadWhatTheirOwnersPagesShow() async throws {
        try await WebHarness.with(signedIn: false) { site in
            try await RecordStore(database: site.database).importRecord(
                Fixtures.minimalRecord(), actor: "test", source: "fixture")
            let liaison = try await site.signedIn(.partner, organizationID: "bandung", partnershipID: "bandung-liuzhou")
            let token = try await liaison.apiToken()
            let list = try await site.api(.get, "/api/v1/organizations/bandung/partnerships", token: token)
            #expect(list.value(at: ["total"]) == .number(1))
            #expect(list.value(at: ["items", 0, "id"]) == .string("bandung-liuzhou"))
            let own = try await site.api(.get, Self.liuzhou, token: token)
            #expect(own.status == .ok)
            #expect(own.value(at: ["assessments"]) == nil)
            #expect(
                try await site.api(.get, "/api/v1/organizations/bandung/partnerships/bandung-seoul", token: token)
                    .status == .notFound)
            #expect(
                try await site.api(.get, "/api/v1/organizations/bandung/reports/annual/2022", token: token).status
                    == .forbidden)
            let foreign = try await site.signedIn(.officer, organizationID: "kota-contoh").apiToken()
            #expect(try await site.api(.get, Self.liuzhou, token: foreign).status == .notFound)
            #expect(try await site.api(.get, "/api/v1/organizations/bandung", token: foreign).status == .notFound)
            let organizations = try await site.api(.get, "/api/v1/organizations", token: foreign)
            #expect(organizations.value(at: ["items", 0, "id"]) == .string("kota-contoh"))
            #expect(organizations.value(at: ["total"]) == .number(1))
        }
    }

    @Test func aWrongMethodOrAddressIsAProblemNotAPage() async throws {
        try await WebHarness.with { site in
            let token = try await site.apiToken()
            let delete = try await site.api(.delete, Self.liuzhou, token: token)
            #expect(delete.status == .methodNotAllowed)
            #expect(delete.headers[.allow] == "GET, HEAD")
            #expect(delete.headers[.contentType] == "application/problem+json")
            let put = try await site.api(.put, Self.liuzhou + "/activities", token: token, body: Array("{}".utf8))
            #expect(put.headers[.allow] == "GET, POST, HEAD")
            let unknown = try await site.api(.get, "/api/v1/nothing-here", token: token)
            #expect(unknown.status == .notFound)
            #expect(unknown.headers[.contentType] == "application/problem+json")
        }
    }
}
