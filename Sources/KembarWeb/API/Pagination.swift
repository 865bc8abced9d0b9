import Foundation
import HTTPTypes
import Hummingbird
import KembarCore

/// `limit` and `offset` of a list, read from the query, and the page of items they choose.
struct Pagination {
    static let defaultLimit = 50
    static let maximumLimit = 200

    let limit: Int
    let offset: Int

    init(_ request: Request) throws {
        let query = request.uri.queryParameters
        limit = try Self.integer(
            query["limit"].map(String.init), "limit", default: Self.defaultLimit, in: 1...Self.maximumLimit)
        offset = try Self.integer(query["offset"].map(String.init), "offset", default: 0, in: 0...Int(Int32.max))
    }

    static func integer(_ text: String?, _ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw Problem.badParameter(
                name, "must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(text)\"")
        }
        return number
    }

    /// The page as `{items, total, limit, offset, next}`, with the next page's address also in a
    /// `Link` header.
    func page(_ items: [JSONValue], request: Request) -> APIResponse {
        let start = min(offset, items.count)
        let end = min(items.count, start + limit)
        var next: String?
        if end < items.count {
            var parameters = request.uri.queryParameters.filter { $0.key != "limit" && $0.key != "offset" }.map {
                "\($0.key)=\(String($0.value).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }
            parameters += ["limit=\(limit)", "offset=\(end)"]
            next = request.uri.path + "?" + parameters.joined(separator: "&")
        }
        let body = JSONValue.members([
            "items": .array(Array(items[start..<end])), "total": .number(Double(items.count)),
            "limit": .number(Double(limit)), "offset": .number(Double(offset)),
            "next": next.map(JSONValue.string) ?? .null,
        ])
        var response = APIResponse(body)
        if let next { response.headers[HTTPField.Name("Link")!] = "<\(next)>; rel=\"next\"" }
        return response
    }
}

/// A JSON answer of the API.
struct APIResponse: ResponseGenerator {
    var status: HTTPResponse.Status = .ok
    var headers: HTTPFields = [:]
    let bytes: [UInt8]

    init(_ value: JSONValue, status: HTTPResponse.Status = .ok) {
        self.status = status
        bytes = JSONWriter.bytes(value)
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        if fields[.cacheControl] == nil { fields[.cacheControl] = "private, no-cache" }
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
