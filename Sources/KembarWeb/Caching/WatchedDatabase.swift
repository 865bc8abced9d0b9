import KembarStore
import SQLKit

/// The database as the site uses it: every write it commits is told to the revision watch, so
/// that the next page this process serves shows it (no handler has to remember to).
struct WatchedDatabase: KembarDatabase {
    let base: any KembarDatabase
    let watch: RevisionWatch

    var dialect: DatabaseDialect { base.dialect }
    var location: String { base.location }

    func read<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await base.read(body)
    }

    func write<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        do {
            let result = try await base.write(body)
            watch.didWrite()
            return result
        } catch {
            // A failed commit may still have written (a lost connection after COMMIT was sent).
            watch.didWrite()
            throw error
        }
    }

    func close() async throws {
        try await base.close()
    }
}
