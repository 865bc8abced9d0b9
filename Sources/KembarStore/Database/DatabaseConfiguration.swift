import Foundation
import Logging

/// Where the data lives, decided from the environment:
/// `DATABASE_URL` (PostgreSQL) if set, else a SQLite file under `KEMBAR_DATA_DIR` (default `./kembar-data`).
public enum DatabaseConfiguration: Equatable, Sendable {
    case sqlite(path: String)
    case postgres(url: String)

    public static let databaseFileName = "kembar.sqlite"

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            self = .postgres(url: url)
        } else {
            let directory = environment["KEMBAR_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "kembar-data"
            self = .sqlite(path: (directory as NSString).appendingPathComponent(DatabaseConfiguration.databaseFileName))
        }
    }

    public func open(logger: Logger) async throws -> any KembarDatabase {
        switch self {
        case .sqlite(let path): try await SQLiteKembarDatabase.open(path: path, logger: logger)
        case .postgres(let url): try PostgresKembarDatabase(url: url, logger: logger)
        }
    }
}
