import Foundation
import Logging
import SQLKit

/// Puts a backup (``DatabaseBackup``) in place of a database's contents, on SQLite or
/// PostgreSQL: an older backup is migrated forward first (on a copy; the backup file is never
/// changed); a database that holds data is replaced only when asked, and never while a server
/// runs on it. Everything is written in one transaction: a failed restore leaves the database
/// as it was.
public enum DatabaseRestore {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case unreadable(String)
        case notABackup(String)
        case newerThanKembar(backup: Int, kembar: Int)
        case holdsData(organizations: Int, accounts: Int)
        case serverRunning([String])

        public var description: String {
            switch self {
            case .unreadable(let path): "cannot read \(path): no such file, or not one this user may read"
            case .notABackup(let path): "\(path) is not a Kembar backup (a SQLite file written by kembar backup)"
            case .newerThanKembar(let backup, let kembar):
                "the backup's schema is version \(backup), newer than this Kembar's \(kembar): restore it with a newer Kembar"
            case .holdsData(let organizations, let accounts):
                "the database holds \(organizations) governments and \(accounts) accounts: add --replace to replace them with the backup"
            case .serverRunning(let servers):
                "a server is running on the database (\(servers.joined(separator: "; "))): stop it first"
            }
        }
    }

    /// Restores `path` into `database`; returns the rows of each table restored.
    @discardableResult
    public static func restore(_ path: String, into database: any KembarDatabase, replace: Bool, logger: Logger)
        async throws -> [String: Int]
    {
        let working = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kembar-restore-\(UUID().uuidString).sqlite"
        ).path
        defer { try? FileManager.default.removeItem(atPath: working) }
        guard FileManager.default.isReadableFile(atPath: path) else { throw Failure.unreadable(path) }
        guard
            (try? Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe).prefix(16))
                == Data("SQLite format 3\0".utf8)
        else { throw Failure.notABackup(path) }
        try FileManager.default.copyItem(atPath: path, toPath: working)
        let backup = try await SQLiteKembarDatabase.open(path: working, logger: logger)
        do {
            let counts = try await restore(backup, into: database, replace: replace, path: path, logger: logger)
            try await backup.close()
            return counts
        } catch {
            try? await backup.close()
            throw error
        }
    }

    private static func restore(
        _ backup: SQLiteKembarDatabase, into database: any KembarDatabase, replace: Bool, path: String, logger: Logger
    ) async throws -> [String: Int] {
        let newest = Migration.all.last?.version ?? 0
        let version = try await Migrator.version(of: backup)
        guard version > 0 else { throw Failure.notABackup(path) }
        guard version <= newest else { throw Failure.newerThanKembar(backup: version, kembar: newest) }
        if version < newest {
            logger.info("the backup's schema is version \(version): migrating a copy of it to \(newest)")
            try await Migrator.migrate(backup, logger: logger)
        }
        try await Migrator.migrate(database, logger: logger)
        let servers = try await ServerPresence.running(on: database)
        guard servers.isEmpty else { throw Failure.serverRunning(servers) }
        let held = try await database.read { sql in
            (try await count("organizations", sql), try await count("users", sql))
        }
        guard replace || (held.0 == 0 && held.1 == 0) else {
            throw Failure.holdsData(organizations: held.0, accounts: held.1)
        }
        return try await backup.read { source in
            try await database.write { target in
                let counts = try await TableCopy.copy(from: source, to: target)
                if target.isSQLite { try await SearchVocabulary.relearn(target) }
                return counts
            }
        }
    }

    private static func count(_ table: String, _ sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
