import Foundation
import HTTPTypes
import KembarCore
import KembarTestSupport
import Testing

@testable import KembarWeb

/// The OpenAPI document says what the code does: the same paths, the same methods, and the
/// parameters and responses each route can give. (`.ci/run` also runs schemathesis against a
/// running server, which checks every answer against the document.)
@Suite struct OpenAPIDocumentTests {
    static func document(_ site: WebHarness) async throws -> JSONValue {
        let answer = try await site.api(.get, "/api/openapi.json", token: nil)
        #expect(answer.status == .ok)
        #expect(answer.headers[.contentType] == "application/json")
        return try #require(answer.json)
    }

    static func members(_ value: JSONValue?) -> [JSONValue.Member] {
        if case .object(let members) = value { return members }
        return []
    }

    @Test func documentsExactlyTheRoutesTheCodeServes() async throws {
        try await WebHarness.with { site in
            let document = try await Self.document(site)
            #expect(document.value(at: ["openapi"]) == .string("3.1.0"))
            let paths = Self.members(document.value(at: ["paths"]))
            let controller = APIController(
                site: try Site(
                    database: site.database, renderer: try await PageRenderer.bundled(), today: { testToday }))
            let served = controller.endpoints.map { endpoint in
                (endpoint.path, Set(endpoint.methods.map { $0.0.rawValue.lowercased() }))
            }
            let documented = paths.map { path in (path.key, Set(Self.members(path.value).map(\.key))) }
            #expect(Dictionary(uniqueKeysWithValues: served) == Dictionary(uniqueKeysWithValues: documented))
            // Every documented path answers a method it does not document with 405 and the
            // methods it does.
            let token = try await site.apiToken()
            for (path, methods) in documented {
                let concrete = path.replacingOccurrences(of: "{organization}", with: "bandung")
                    .replacingOccurrences(of: "{partnership}", with: "bandung-liuzhou")
                    .replacingOccurrences(of: "{year}", with: "2022")
                    .replacingOccurrences(of: "{activity}", with: "belief-2018")
                let answer = try await site.api(.trace, concrete, token: token)
                #expect(answer.status == .methodNotAllowed, "\(path)")
                let allowed = Set(
                    (answer.headers[.allow] ?? "").split(separator: ",").map {
                        $0.trimmingCharacters(in: .whitespaces).lowercased()
                    })
                #expect(allowed == methods.union(methods.contains("get") ? ["head"] : []), "\(path)")
                if methods.contains("get") {
                    #expect(try await site.api(.get, concrete, token: token).status == .ok, "\(path)")
                }
            }
        }
    }

    @Test func everyReferenceInTheDocumentResolves() async throws {
        try await WebHarness.with { site in
            let document = try await Self.document(site)
            var references: [String] = []
            func walk(_ value: JSONValue) {
                switch value {
                case .object(let members):
                    for member in members {
                        if member.key == "$ref", case .string(let target) = member.value { references.append(target) }
                        walk(member.value)
                    }
                case .array(let items): items.forEach(walk)
                default: break
                }
            }
            walk(document)
            #expect(references.count > 50)
            for reference in Set(references) {
                let steps = reference.dropFirst(2).split(separator: "/").map { JSONPathStep.key(String($0)) }
                #expect(document.value(at: steps) != nil, "\(reference)")
            }
        }
    }
}
