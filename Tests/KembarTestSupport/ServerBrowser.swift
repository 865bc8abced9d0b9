import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A browser for a running `kembar serve`: keeps its own cookies (for this server only), does
/// not follow redirects, and sends forms with the token their page carried.
public final class ServerBrowser: Sendable {
    public struct Page: Sendable {
        public let status: Int
        public let location: String?
        public let body: String
        /// Every header of the answer, by lower-cased name.
        public let headers: [String: String]
    }

    private let base: String
    private let cookies = Mutex<[String: String]>([:])
    private let session: URLSession

    public init(port: Int) {
        base = "http://127.0.0.1:\(port)"
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }

    public func get(_ path: String) async throws -> Page {
        try await send(URLRequest(url: URL(string: base + path)!))
    }

    /// Posts `fields` to `path` with the form token of the page at `formPage`.
    public func submit(_ path: String, from formPage: String, _ fields: [(String, String)]) async throws -> Page {
        let page = try await get(formPage)
        let token = page.body.firstMatch(of: /name="_csrf" value="([^"]+)"/).map { String($0.1) } ?? ""
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        let allowed = CharacterSet.alphanumerics
        request.httpBody = Data(
            ([("_csrf", token)] + fields).map {
                "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
            }.joined(separator: "&").utf8)
        return try await send(request)
    }

    private func send(_ request: URLRequest) async throws -> Page {
        var request = request
        let header = cookies.withLock { $0.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if !header.isEmpty { request.setValue(header, forHTTPHeaderField: "Cookie") }
        let (data, response) = try await session.data(for: request)
        let http = response as? HTTPURLResponse
        if let setCookie = http?.value(forHTTPHeaderField: "Set-Cookie") {
            // Several cookies may arrive folded into one header, separated by commas.
            for match in setCookie.matches(of: /(?:^|,\s*)(kembar_[a-z]+)=([^;,]*)/) {
                cookies.withLock { $0[String(match.1)] = String(match.2) }
            }
        }
        var headers: [String: String] = [:]
        for (name, value) in http?.allHeaderFields ?? [:] {
            headers[String(describing: name).lowercased()] = String(describing: value)
        }
        return Page(
            status: http?.statusCode ?? 0, location: http?.value(forHTTPHeaderField: "Location"),
            body: String(decoding: data, as: UTF8.self), headers: headers)
    }
}

private final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
