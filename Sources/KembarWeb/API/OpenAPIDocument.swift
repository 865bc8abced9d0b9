import Foundation

/// The OpenAPI 3.1 document of the API, `Resources/api/openapi.json`, served as written.
enum OpenAPIDocument {
    static let bytes: [UInt8] = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "api"),
            let data = try? Data(contentsOf: url)
        else { preconditionFailure("api/openapi.json is missing from the bundle") }
        return Array(data)
    }()
}
