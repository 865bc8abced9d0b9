/// Every path of the JSON API, as the OpenAPI document names them (`{name}` is a parameter, in
/// the router as in the document).
enum APIPath {
    static let root = "/api/v1"
    static let openAPI = "/api/openapi.json"
    static let organizations = root + "/organizations"

    static func organization(_ id: String) -> String {
        organizations + "/" + escape(id)
    }

    static func partnership(_ organization: String, _ id: String) -> String {
        self.organization(organization) + "/partnerships/" + escape(id)
    }

    static func activity(_ organization: String, _ partnership: String, _ id: String) -> String {
        self.partnership(organization, partnership) + "/activities/" + escape(id)
    }

    /// Whether a request is for the API (answered with problem details, never an HTML page).
    static func isAPI(_ path: String) -> Bool {
        path == "/api" || path.hasPrefix("/api/")
    }

    /// The site's one percent-encoder of path segments.
    private static func escape(_ segment: String) -> String {
        segment.addingPercentEncodingForPath()
    }
}
