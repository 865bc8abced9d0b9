/// Every path of the JSON API, as the OpenAPI document names them.
enum APIPath {
    static let root = "/api/v1"
    static let openAPI = "/api/openapi.json"
    static let organizations = root + "/organizations"
}
