import Crypto
import Foundation
import KembarCore
import KembarStore
import KembarTestSupport
import Logging
import SQLKit
import Testing

/// `kembar backup` and `kembar restore` on the database the tests run on (SQLite, or PostgreSQL
/// when configured): everything comes back, an older backup is migrated forward, and a database
/// that holds data or has a server running is not touched.
@Suite struct BackupRestoreTests {
    static let logger = Logger(label: "test")
    static let passwords = Passwords(cost: 4)

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kembar-backup-\(UUID().uuidString).sqlite").path
    }

    /// The demo record with a document's file, two accounts with passwords, a token and mail.
    static func fill(_ database: any KembarDatabase) async throws {
        try await RecordStore(database: database).importRecord(try Fixtures.demoRecord(), actor: "test", source: "demo")
        _ = try await DocumentStore(database: database).attach(
            DocumentUpload(
                title: "Notulen", kind: .minutes, date: try PartialDate(parsing: "2024-03-05"), language: "id",
                activityID: nil, fileName: "notulen.bin", mediaType: "application/octet-stream",
                bytes: (0..<4096).map { UInt8(truncatingIfNeeded: $0 * 7) }, text: nil),
            organizationID: "bandung", partnershipID: "bandung-liuzhou", actor: "test")
        let accounts = AccountStore(database: database, passwords: passwords)
        _ = try await accounts.create(
            .init(email: "budi@bandung.example", name: "Budi", role: .officer, organizationID: "bandung"),
            password: "budi's own password", oneTime: false, actor: "test")
        _ = try await accounts.create(
            .init(email: "admin@kembar.example", name: "Admin", role: .admin, organizationID: nil),
            password: "the admin password", oneTime: false, actor: "test")
        try await Outbox(database: database).enqueue(
            .init(
                dedupeKey: "k", accountID: nil, kind: "test", sender: "a@b.example", recipient: "c@d.example",
                subject: "s", message: "m"))
    }

    /// What must come back: the record as kembar/1, each file's SHA-256, the audit log, the outbox.
    static func fingerprint(_ database: any KembarDatabase) async throws -> [String] {
        let record = String(
            decoding: RecordEncoder.encode(try await RecordStore(database: database).exportRecord()), as: UTF8.self)
        return try await database.read { sql in
            var lines = [record]
            for row in try await sql.select().columns("document_id", "content").from("document_files")
                .orderBy("document_id").all()
            {
                let bytes = try row.decode(column: "content", as: Data.self)
                lines.append(
                    try row.decode(column: "document_id", as: String.self) + " " + SHA256.hash(data: bytes).description)
            }
            let audit = [
                "recorded_at", "actor", "action", "organization_id", "entity", "entity_id", "summary", "before_state",
                "after_state",
            ]
            for row in try await sql.select().column("id").columns(audit.map { SQLIdentifier($0) }).from(
                "audit_entries"
            )
            .orderBy("id").all() {
                lines.append(
                    "\(try row.decode(column: "id", as: Int.self))|"
                        + (try audit.map { try row.decode(column: $0, as: String?.self) ?? "-" }.joined(separator: "|"))
                )
            }
            for row in try await sql.raw("SELECT dedupe_key, message FROM mail_outbox ORDER BY id").all() {
                lines.append(
                    try row.decode(column: "dedupe_key", as: String.self)
                        + (try row.decode(column: "message", as: String.self)))
            }
            return lines
        }
    }

    @Test func everythingComesBackAndAccountsSignInWithTheirPasswords() async throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let before = try await TestDatabase.withMigrated { source in
            try await Self.fill(source)
            try await DatabaseBackup.write(source, to: path, logger: Self.logger)
            // A backup never overwrites.
            await #expect(throws: DatabaseBackup.Failure.exists(path)) {
                try await DatabaseBackup.write(source, to: path, logger: Self.logger)
            }
            return try await Self.fingerprint(source)
        }
        try await TestDatabase.withMigrated { target in
            let counts = try await DatabaseRestore.restore(path, into: target, replace: false, logger: Self.logger)
            #expect((counts["users"] ?? 0) == 2)
            #expect(try await Self.fingerprint(target) == before)
            let accounts = AccountStore(database: target, passwords: Self.passwords)
            #expect(try await accounts.verify(email: "budi@bandung.example", password: "budi's own password") != nil)
            #expect(try await accounts.verify(email: "budi@bandung.example", password: "wrong password!") == nil)
            // The search index is made again on the target.
            let found = try await SearchStore(database: target).search(
                SearchQuery("Liuzhou"), in: .init(organizationID: nil))
            #expect(!found.hits.isEmpty)
            // New rows after a restore take new numbers.
            _ = try await accounts.create(
                .init(email: "new@bandung.example", name: "New", role: .viewer, organizationID: "bandung"),
                password: "a new password", oneTime: true, actor: "test")
        }
    }

    @Test func aDatabaseThatHoldsDataOrHasAServerRunningIsNotTouched() async throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await TestDatabase.withMigrated { database in
            try await Self.fill(database)
            try await DatabaseBackup.write(database, to: path, logger: Self.logger)
            try await AccountStore(database: database, passwords: Self.passwords).create(
                .init(email: "after@bandung.example", name: "After", role: .viewer, organizationID: "bandung"),
                password: "written after the backup", oneTime: true, actor: "test")
            let held = try await Self.fingerprint(database)
            await #expect(throws: DatabaseRestore.Failure.holdsData(organizations: 1, accounts: 3)) {
                try await DatabaseRestore.restore(path, into: database, replace: false, logger: Self.logger)
            }
            try await database.write { sql in
                try await sql.insert(into: "server_instances").columns("id", "host", "pid", "started_at", "seen_at")
                    .values(
                        SQLBind("x"), SQLBind("kembar-1"), SQLBind(4242), SQLBind(Timestamp.now()),
                        SQLBind(Timestamp.now())
                    )
                    .run()
            }
            await #expect(throws: DatabaseRestore.Failure.serverRunning(["kembar-1, process 4242"])) {
                try await DatabaseRestore.restore(path, into: database, replace: true, logger: Self.logger)
            }
            #expect(try await Self.fingerprint(database) == held)
            // Once the server is gone, --replace puts the backup back: the account written after it is gone.
            try await database.write { sql in try await sql.delete(from: "server_instances").run() }
            try await DatabaseRestore.restore(path, into: database, replace: true, logger: Self.logger)
            let accounts = AccountStore(database: database, passwords: Self.passwords)
            #expect(try await accounts.account(email: "after@bandung.example") == nil)
            #expect(try await accounts.account(email: "budi@bandung.example") != nil)
        }
    }

    @Test func anOlderBackupIsMigratedForwardAndWhatIsNotABackupIsRefused() async throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await TestDatabase.withMigrated { database in
            try await Self.fill(database)
            try await DatabaseBackup.write(database, to: path, logger: Self.logger)
        }
        // Back to the schema of version 15: without the table of running servers.
        let old = try await SQLiteKembarDatabase.open(path: path, logger: Self.logger)
        try await old.write { sql in
            try await sql.drop(table: "server_instances").run()
            try await sql.delete(from: "schema_migrations").where("version", .greaterThanOrEqual, SQLBind(16)).run()
        }
        try await old.close()
        try await TestDatabase.withMigrated { target in
            try await DatabaseRestore.restore(path, into: target, replace: false, logger: Self.logger)
            let accounts = AccountStore(database: target, passwords: Self.passwords)
            #expect(try await accounts.verify(email: "budi@bandung.example", password: "budi's own password") != nil)
            let text = Self.temporaryPath()
            try Data("name,country\n".utf8).write(to: URL(fileURLWithPath: text))
            defer { try? FileManager.default.removeItem(atPath: text) }
            await #expect(throws: DatabaseRestore.Failure.notABackup(text)) {
                try await DatabaseRestore.restore(text, into: target, replace: true, logger: Self.logger)
            }
            let missing = Self.temporaryPath()
            await #expect(throws: DatabaseRestore.Failure.unreadable(missing)) {
                try await DatabaseRestore.restore(missing, into: target, replace: true, logger: Self.logger)
            }
        }
        // The backup file itself was not changed by the migration of its copy.
        let untouched = try await SQLiteKembarDatabase.open(path: path, logger: Self.logger)
        #expect(try await Migrator.version(of: untouched) == 15)
        try await untouched.close()
    }

    @Test func aBackupTakenWhileWritersWriteIsConsistent() async throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await TestDatabase.withMigrated { database in
            try await Self.fill(database)
            let accounts = AccountStore(database: database, passwords: Self.passwords)
            // Each account is written with its audit entry in one transaction: a consistent copy
            // holds as many of the writers' accounts as of their audit entries.
            async let writing: Void = {
                for index in 0..<40 {
                    _ = try await accounts.create(
                        .init(email: "w\(index)@bandung.example", name: "W", role: .viewer, organizationID: "bandung"),
                        password: "writer password", oneTime: true, actor: "writer")
                }
            }()
            try await Task.sleep(for: .milliseconds(20))
            try await DatabaseBackup.write(database, to: path, logger: Self.logger)
            try await writing
        }
        try await TestDatabase.withMigrated { target in
            try await DatabaseRestore.restore(path, into: target, replace: false, logger: Self.logger)
            let (accounts, audited) = try await target.read { sql in
                (
                    try await sql.raw("SELECT COUNT(*) AS n FROM users WHERE email LIKE 'w%'").first()?
                        .decode(column: "n", as: Int.self) ?? -1,
                    try await sql.raw("SELECT COUNT(*) AS n FROM audit_entries WHERE actor = 'writer'").first()?
                        .decode(column: "n", as: Int.self) ?? -2
                )
            }
            #expect(accounts == audited)
        }
    }
}
