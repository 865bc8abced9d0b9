import Hummingbird

/// A rendered HTML page. Named so it does not clash with other `HTML` types.
///
/// The body is encoded once, when the page is rendered: a cached page is then sent many times
/// from the same bytes.
struct HTMLPage: ResponseGenerator, Sendable {
    let body: ByteBuffer
    var status: HTTPResponse.Status
    var headers: HTTPFields = [:]

    init(html: String, status: HTTPResponse.Status = .ok) {
        body = ByteBuffer(string: html)
        self.status = status
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: body))
    }
}
