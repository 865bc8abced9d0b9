import Hummingbird
import KembarStore

/// What a proxy or an orchestrator asks: whether the process lives (`/healthz`), and whether it
/// can serve (`/readyz`: the database answers and its schema is the one this Kembar knows).
struct HealthController {
    let site: Site

    func addRoutes(to table: inout RouteTable) {
        for route in [Route.health, .liveness] {
            table.on(route) { _, _ in Self.plain(.ok, "ok") }
        }
        table.on(.readiness) { _, _ in await readiness() }
    }

    private func readiness() async -> Response {
        do {
            let version = try await Migrator.version(of: site.database)
            let newest = Migration.all.last?.version ?? 0
            guard version == newest else {
                return Self.plain(.serviceUnavailable, "schema version \(version), this Kembar needs \(newest)")
            }
            return Self.plain(.ok, "ready")
        } catch {
            return Self.plain(.serviceUnavailable, "database unreachable: \(error)")
        }
    }

    private static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
