import Foundation
import Logging
import SQLKit

/// One backup format for both databases: a SQLite file holding the whole database — the record,
/// accounts (password hashes), tokens and sessions (hashes), the audit log, documents' files,
/// evidence, proposals, partner entries, the mail outbox. On SQLite it is the consistent copy
/// SQLite makes while writers write (`VACUUM INTO`); on PostgreSQL, every table read in one
/// snapshot (a repeatable-read transaction) into a new SQLite file of the same schema.
///
/// Kembar's own format rather than `pg_dump`: it restores into either database (an office's
/// SQLite moves to the national PostgreSQL, and back), it does not tie the backup to the
/// version of Debian's PostgreSQL client matching the server's, and `swift test` proves the round
/// trip on both databases without PostgreSQL's tools.
public enum DatabaseBackup {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case exists(String)
        case notMigrated(database: Int, kembar: Int)

        public var description: String {
            switch self {
            case .exists(let path): "\(path) exists; a backup never overwrites a file"
            case .notMigrated(let database, let kembar):
                "the database's schema is version \(database) and this Kembar's \(kembar): run kembar migrate first"
            }
        }
    }

    /// Writes a backup of `database` to `path`; returns the rows of each table written (nil on
    /// SQLite, whose copy is the file itself).
    @discardableResult
    public static func write(_ database: any KembarDatabase, to path: String, logger: Logger) async throws
        -> [String: Int]?
    {
        guard !FileManager.default.fileExists(atPath: path) else { throw Failure.exists(path) }
        if let sqlite = database as? SQLiteKembarDatabase {
            try await sqlite.backup(to: path)
            return nil
        }
        let newest = Migration.all.last?.version ?? 0
        let version = try await Migrator.version(of: database)
        guard version == newest else { throw Failure.notMigrated(database: version, kembar: newest) }
        let copy = try await SQLiteKembarDatabase.open(path: path, logger: logger)
        do {
            try await Migrator.migrate(copy, logger: logger)
            let counts = try await database.read { source in
                try await copy.write { target in try await TableCopy.copy(from: source, to: target) }
            }
            try await copy.write { sql in try await SearchVocabulary.relearn(sql) }
            try await copy.close()
            return counts
        } catch {
            try? await copy.close()
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }
}
