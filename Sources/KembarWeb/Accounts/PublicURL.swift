import Foundation

/// The address people reach a Kembar at, as given to `kembar serve --public-url`: the scheme and
/// host (and port) of every absolute link Kembar writes for another program to follow, instead
/// of the Host each request names, which a client or a careless proxy may set to anything.
public enum PublicURL {
    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// `https://Kembar.Example.go.id/` → `https://kembar.example.go.id`; anything but `http` or
    /// `https`, a host and perhaps a port is refused, since Kembar's addresses start at `/`.
    public static func normalized(_ text: String) throws(Invalid) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let url = URLComponents(string: trimmed), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https"
        else { throw Invalid(description: "--public-url must start with https:// or http://, not \"\(text)\"") }
        guard let host = url.host, !host.isEmpty else {
            throw Invalid(description: "--public-url names no host: \"\(text)\"")
        }
        guard url.path.isEmpty || url.path == "/", url.query == nil, url.fragment == nil, url.user == nil,
            url.password == nil
        else {
            throw Invalid(
                description:
                    "--public-url is the scheme and host only (Kembar's addresses start at /), not \"\(text)\"")
        }
        // An IPv6 host comes with its brackets on some platforms and without them on others.
        let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "\(scheme)://\(shownHost.lowercased())" + (url.port.map { ":\($0)" } ?? "")
    }
}
