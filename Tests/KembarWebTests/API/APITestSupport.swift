import Foundation
import HTTPTypes
import HummingbirdTesting
import KembarCore
import KembarTestSupport
import NIOCore
import Testing

/// An answer of the API: its status, headers and JSON.
struct APIAnswer {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: String

    var json: JSONValue? { try? JSONParser.parse(body) }

    func value(at path: [JSONPathStep]) -> JSONValue? { json?.value(at: path) }
}

extension WebHarness {
    /// A personal API token of the signed-in account, made on the tokens page.
    func apiToken() async throws -> String {
        let page = try await post("/account/tokens", [("name", "tests"), ("purpose", "api")])
        return try #require(TokensPageTests.secret(in: page.html))
    }

    func api(
        _ method: HTTPRequest.Method = .get, _ uri: String, token: String?, body: [UInt8]? = nil,
        contentType: String? = "application/json"
    ) async throws -> APIAnswer {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil, let contentType { headers[.contentType] = contentType }
        return try await client.execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(bytes: $0) }
        ) { response in
            APIAnswer(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }
}
