import Hummingbird

/// A rendered HTML page. Named so it does not clash with other `HTML` types.
///
/// The body is encoded once, when the page is rendered: a cached page is then sent many times
/// from the same bytes.
struct HTMLPage: ResponseGenerator, Sendable {
    let body: ByteBuffer
    /// The body gzipped, kept with a cached page so that it is compressed once per revision.
    private(set) var gzipped: ByteBuffer?
    var status: HTTPResponse.Status
    var headers: HTTPFields = [:]

    init(html: String, status: HTTPResponse.Status = .ok) {
        body = ByteBuffer(string: html)
        self.status = status
    }

    /// The same page with its compressed bytes made now, to be kept beside the plain ones.
    func compressed() -> HTMLPage {
        guard gzipped == nil, body.readableBytes >= Gzip.smallest else { return self }
        var page = self
        page.gzipped = Gzip.compress(body)
        return page
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        fields[.vary] = "Accept-Encoding"
        if body.readableBytes >= Gzip.smallest, Gzip.isAccepted(by: request.headers),
            let gzipped = gzipped ?? Gzip.compress(body)
        {
            fields[.contentEncoding] = "gzip"
            return Response(status: status, headers: fields, body: .init(byteBuffer: gzipped))
        }
        return Response(status: status, headers: fields, body: .init(byteBuffer: body))
    }
}
