import Hummingbird

/// A rendered HTML page. Named so it does not clash with other `HTML` types.
struct HTMLPage: ResponseGenerator, Sendable {
    let html: String
    var status: HTTPResponse.Status = .ok
    var headers: HTTPFields = [:]

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
