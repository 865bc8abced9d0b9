import Foundation
import Hummingbird
import KembarCore

/// An API error as RFC 9457 problem details (`application/problem+json`): a type naming the
/// kind of problem, its title, the status, what went wrong this time, and for invalid input the
/// JSON pointer of each field at fault. Thrown from any API handler, it becomes the response.
struct Problem: HTTPResponseError {
    struct FieldError: Sendable {
        /// A JSON pointer (RFC 6901) into the request's body, or a query parameter's name.
        let pointer: String
        let detail: String
    }

    let status: HTTPResponse.Status
    /// The last part of the problem's type, `/api/problems/<kind>`.
    let kind: String
    let title: String
    let detail: String
    var errors: [FieldError] = []
    var headers: HTTPFields = [:]

    static let typeBase = "/api/problems/"

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var members: [JSONValue.Member] = [
            .init("type", .string(Self.typeBase + kind)), .init("title", .string(title)),
            .init("status", .number(Double(status.code))), .init("detail", .string(detail)),
            .init("instance", .string(request.uri.path)),
        ]
        if !errors.isEmpty {
            members.append(
                .init(
                    "errors",
                    .array(
                        errors.map { .members(["pointer": .string($0.pointer), "detail": .string($0.detail)]) })))
        }
        var fields = headers
        fields[.contentType] = "application/problem+json"
        fields[.cacheControl] = "no-store"
        return Response(
            status: status, headers: fields,
            body: .init(byteBuffer: ByteBuffer(bytes: JSONWriter.bytes(.object(members)))))
    }
}

extension Problem {
    static func unauthorized(_ detail: String, invalidToken: Bool) -> Problem {
        Problem(
            status: .unauthorized, kind: invalidToken ? "invalid-token" : "authentication-required",
            title: invalidToken ? "The token is not valid" : "Authentication required", detail: detail,
            headers: [
                .wwwAuthenticate: invalidToken
                    ? "Bearer realm=\"kembar\", error=\"invalid_token\"" : "Bearer realm=\"kembar\""
            ])
    }

    static func tooManyRequests(retryAfter seconds: Int, rate: String) -> Problem {
        Problem(
            status: .tooManyRequests, kind: "too-many-requests", title: "Too many requests for this token",
            detail: "This token called faster than \(rate); try again in \(seconds) s.",
            headers: [.retryAfter: String(seconds)])
    }

    static func forbidden(_ detail: String) -> Problem {
        Problem(status: .forbidden, kind: "forbidden", title: "Not allowed for this account", detail: detail)
    }

    static func notFound(_ detail: String) -> Problem {
        Problem(status: .notFound, kind: "not-found", title: "Not found", detail: detail)
    }

    static func badParameter(_ name: String, _ detail: String) -> Problem {
        Problem(
            status: .badRequest, kind: "invalid-parameter", title: "A query parameter is not valid",
            detail: "\(name): \(detail)", errors: [FieldError(pointer: name, detail: detail)])
    }

    static func methodNotAllowed(_ method: HTTPRequest.Method, allowed: [HTTPRequest.Method]) -> Problem {
        Problem(
            status: .methodNotAllowed, kind: "method-not-allowed", title: "Method not allowed",
            detail:
                "\(method.rawValue) is not allowed here; allowed: \(allowed.map(\.rawValue).joined(separator: ", "))",
            headers: [.allow: allowed.map(\.rawValue).joined(separator: ", ")])
    }
}
