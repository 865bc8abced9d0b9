import Foundation
import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// Adding activities through the API: what is accepted, what is refused, and that nothing of a
/// refused activity is written.
@Suite struct APIWritingTests {
    static let activities = "/api/v1/organizations/bandung/partnerships/bandung-liuzhou/activities"

    static let festival = """
        {"id": "festival-2027", "title": "Festival budaya Liuzhou di Bandung", "start": "2027-03-14",
         "kind": "event", "areas": ["education-culture"], "host": "home", "initiator": "joint",
         "participants": [{"side": "partner", "group": "school", "role": "participant", "count": 40}],
         "costs": [{"side": "home", "amount": 25000000, "currency": "IDR", "kind": "money"}],
         "benefits": [{"to": "partner", "kind": "cultural"}], "public": true}
        """

    @Test func anOfficerAddsAnActivityWrittenWithItsAuditEntry() async throws {
        try await WebHarness.with { site in
            let token = try await site.apiToken()
            let answer = try await site.api(.post, Self.activities, token: token, body: Array(Self.festival.utf8))
            #expect(answer.status == .created, "\(answer.body)")
            #expect(answer.headers[.location] == Self.activities + "/festival-2027")
            #expect(answer.value(at: ["id"]) == .string("festival-2027"))
            let stored = try await site.storedRecord().partnerships.first { $0.id == "bandung-liuzhou" }!
            let added = try #require(stored.activities.first { $0.id == "festival-2027" })
            #expect(added.costs.first?.amount == 25_000_000)
            #expect(answer.json == RecordEncoder.value(added))
            let located = try await site.api(.get, try #require(answer.headers[.location]), token: token)
            #expect(located.status == .ok)
            #expect(located.json == answer.json)
            let audit = try await site.auditEntries().first
            #expect(audit?.entity == "activity" && audit?.entityID == "festival-2027")
            #expect(audit?.actor.hasSuffix("(officer) via API") == true)
            // It is the record now: the pages and the next reading show it.
            #expect(
                try await site.get("/partnerships/bandung/bandung-liuzhou").text.contains("Festival budaya Liuzhou"))
        }
    }

    /// A client that has just read the partnership reads its new activity straight after adding it,
    /// though the server knew the data revision from the first reading (schemathesis found this).
    @Test func anAddedActivityIsReadStraightAfter() async throws {
        try await WebHarness.with { site in
            let token = try await site.apiToken()
            #expect(try await site.api(.get, Self.activities, token: token).status == .ok)
            let answer = try await site.api(.post, Self.activities, token: token, body: Array(Self.festival.utf8))
            #expect(answer.status == .created, "\(answer.body)")
            let located = try await site.api(.get, try #require(answer.headers[.location]), token: token)
            #expect(located.status == .ok, "\(located.body)")
            let listed = try await site.api(.get, Self.activities + "?limit=200", token: token)
            #expect(listed.body.contains("\"festival-2027\""))
        }
    }

    @Test func activitiesAddedAtOnceAreAllKept() async throws {
        try await WebHarness.with { site in
            let token = try await site.apiToken()
            let ids = (1...8).map { "festival-2027-\($0)" }
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for id in ids {
                    let body = Array(Self.festival.replacingOccurrences(of: "festival-2027", with: id).utf8)
                    group.addTask { try await site.api(.post, Self.activities, token: token, body: body).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: .created, count: ids.count))
            let stored = try await site.storedRecord().partnerships.first { $0.id == "bandung-liuzhou" }!
            #expect(Set(ids).isSubset(of: Set(stored.activities.map(\.id))))
        }
    }

    @Test func anActivityWhoseIdIsNotASlugIsFoundAtItsAddress() async throws {
        try await WebHarness.with { site in
            let token = try await site.apiToken()
            let body = Self.festival.replacingOccurrences(of: "festival-2027", with: "Festival 2027/Maret")
            let answer = try await site.api(.post, Self.activities, token: token, body: Array(body.utf8))
            #expect(answer.status == .created, "\(answer.body)")
            let location = try #require(answer.headers[.location])
            #expect(location == Self.activities + "/Festival%202027%2FMaret")
            let located = try await site.api(.get, location, token: token)
            #expect(located.value(at: ["id"]) == .string("Festival 2027/Maret"))
        }
    }

    @Test func everyBadBodyGetsItsProblemAndNothingIsWritten() async throws {
        try await WebHarness.with { site in
            let token = try await site.apiToken()
            let before = try await site.storedRecord()
            let auditBefore = try await site.auditEntries().count
            func festival(_ change: (inout String) -> Void) -> [UInt8] {
                var text = Self.festival
                change(&text)
                return Array(text.utf8)
            }
            let cases: [(String, [UInt8], String?, HTTPResponse.Status, String?)] = [
                ("malformed", Array("{\"id\": ".utf8), "application/json", .badRequest, nil),
                ("not JSON", Array(Self.festival.utf8), "text/plain", .unsupportedMediaType, nil),
                ("no type", Array(Self.festival.utf8), nil, .unsupportedMediaType, nil),
                ("an array", Array("[]".utf8), "application/json", .unprocessableContent, ""),
                (
                    "unknown field",
                    festival {
                        $0 = $0.replacingOccurrences(
                            of: "\"public\": true", with: "\"public\": true, \"colour\": \"red\"")
                    },
                    "application/json", .unprocessableContent, "/colour"
                ),
                (
                    "wrong type",
                    festival { $0 = $0.replacingOccurrences(of: "\"count\": 40", with: "\"count\": \"forty\"") },
                    "application/json", .unprocessableContent, "/participants/0/count"
                ),
                (
                    "impossible date", festival { $0 = $0.replacingOccurrences(of: "2027-03-14", with: "2027-02-30") },
                    "application/json", .unprocessableContent, "/start"
                ),
                (
                    "missing field", festival { $0 = $0.replacingOccurrences(of: "\"kind\": \"event\",", with: "") },
                    "application/json", .unprocessableContent, "/kind"
                ),
                (
                    "taken id", festival { $0 = $0.replacingOccurrences(of: "festival-2027", with: "belief-2018") },
                    "application/json", .conflict, "/id"
                ),
                (
                    "unknown obligation",
                    festival {
                        $0 = $0.replacingOccurrences(
                            of: "\"public\": true", with: "\"public\": true, \"fulfils\": [\"nothing\"]")
                    },
                    "application/json", .conflict, "/fulfils/0"
                ),
                (
                    "huge", Array(("{\"title\": \"" + String(repeating: "a", count: 300_000) + "\"}").utf8),
                    "application/json", .contentTooLarge, nil
                ),
            ]
            for (name, body, type, status, pointer) in cases {
                let answer = try await site.api(.post, Self.activities, token: token, body: body, contentType: type)
                #expect(answer.status == status, "\(name): \(answer.body)")
                #expect(answer.headers[.contentType] == "application/problem+json", "\(name)")
                #expect(answer.value(at: ["status"]) == .number(Double(status.code)), "\(name)")
                if let pointer {
                    let pointers = answer.json?.value(at: ["errors"]).map { errors -> [JSONValue] in
                        if case .array(let items) = errors { return items.compactMap { $0.value(at: ["pointer"]) } }
                        return []
                    }
                    #expect(pointers?.contains(.string(pointer)) == true, "\(name): \(answer.body)")
                }
            }
            #expect(try await site.storedRecord() == before)
            #expect(try await site.auditEntries().count == auditBefore)
        }
    }

    @Test func onlyOfficersAndAdministratorsAdd() async throws {
        try await WebHarness.with(signedIn: false) { site in
            let before = try await site.storedRecord()
            for (role, partnership) in [(Role.viewer, nil), (.researcher, nil), (.partner, "bandung-liuzhou")] {
                let token = try await site.signedIn(role, organizationID: "bandung", partnershipID: partnership)
                    .apiToken()
                let answer = try await site.api(.post, Self.activities, token: token, body: Array(Self.festival.utf8))
                #expect(answer.status == .forbidden, "\(role)")
            }
            let other = try await site.signedIn(.partner, organizationID: "bandung", partnershipID: "bandung-seoul")
                .apiToken()
            #expect(
                try await site.api(.post, Self.activities, token: other, body: Array(Self.festival.utf8)).status
                    == .notFound)
            #expect(
                try await site.api(.post, Self.activities, token: nil, body: Array(Self.festival.utf8)).status
                    == .unauthorized)
            #expect(try await site.storedRecord() == before)
        }
    }
}
