/// Every path the site serves, so that routes and links cannot drift apart.
enum SitePath {
    static let portfolio = "/"
    static let health = "/health"
    static let staticFiles = "/static"

    static func staticFile(_ name: String) -> String {
        "\(staticFiles)/\(name)"
    }
}
