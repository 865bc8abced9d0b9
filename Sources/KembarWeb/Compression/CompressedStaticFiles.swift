import Foundation
import Hummingbird

/// Kembar's own style sheets and script, gzipped once at start and answered from memory to those
/// who take gzip; the rest go on to the file middleware. Every answer under `/static` varies by
/// `Accept-Encoding`, so that a shared cache never hands the compressed bytes to a client that
/// did not ask for them.
struct CompressedStaticFiles: RouterMiddleware {
    typealias Context = KembarRequestContext

    struct File: Sendable {
        let gzipped: ByteBuffer
        let contentType: String
        let entityTag: String
    }

    /// By request path (`/static/kembar.css`).
    let files: [String: File]

    init(directory: String) {
        var files: [String: File] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names {
            guard let type = Self.contentTypes[(name as NSString).pathExtension],
                let data = FileManager.default.contents(atPath: directory + "/" + name),
                let gzipped = Gzip.compress(ByteBuffer(bytes: data))
            else { continue }
            // FNV-1a: the tag only has to change when the file does.
            let digest = String(
                data.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }, radix: 16)
            files[SitePath.staticFile(name)] = File(
                gzipped: gzipped, contentType: type, entityTag: "\"gz-\(digest)\"")
        }
        self.files = files
    }

    static let contentTypes = [
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml",
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.uri.path.hasPrefix(SitePath.staticFiles + "/") else { return try await next(request, context) }
        guard request.method == .get || request.method == .head, let file = files[request.uri.path],
            Gzip.isAccepted(by: request.headers)
        else {
            var response = try await next(request, context)
            response.headers[.vary] = "Accept-Encoding"
            return response
        }
        var headers: HTTPFields = [
            .contentType: file.contentType, .contentEncoding: "gzip", .vary: "Accept-Encoding",
            .eTag: file.entityTag, .cacheControl: "max-age=3600",
        ]
        if request.headers[values: .ifNoneMatch].contains(where: { $0.contains(file.entityTag) }) {
            headers[.contentEncoding] = nil
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(file.gzipped.readableBytes)
        let body: ResponseBody = request.method == .head ? .init() : .init(byteBuffer: file.gzipped)
        return Response(status: .ok, headers: headers, body: body)
    }
}
