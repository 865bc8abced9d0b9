import ArgumentParser
import KembarStore

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the whole database to a file, while Kembar keeps running.",
        discussion: """
            Writes everything — the record, accounts (password hashes), tokens, the audit log, \
            documents' files, evidence, proposals, partner entries, the mail outbox — to FILE (which \
            must not exist), as a SQLite file: on SQLite, the consistent copy SQLite makes while \
            writers write; on PostgreSQL, every table read in one snapshot. `kembar restore FILE` \
            puts it back, on either database. `kembar export` writes the record alone, in the \
            kembar/1 interchange format.
            """
    )

    @Option(name: .shortAndLong, help: "The file to write.")
    var output: String

    func run() async throws {
        try await reportingFailures {
            let logger = CommandSupport.logger("kembar.backup")
            try await CommandSupport.withDatabase(logger: logger) { database in
                let counts = try await DatabaseBackup.write(database, to: output, logger: logger)
                let rows = counts.map { " (\($0.values.reduce(0, +)) rows in \($0.count) tables)" } ?? ""
                CommandSupport.say("Wrote a copy of \(database.location) to \(output)\(rows).")
            }
        }
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup in place of the database's contents.",
        discussion: """
            Restores FILE (written by kembar backup, on SQLite or PostgreSQL) into the database \
            configured (KEMBAR_DATA_DIR or DATABASE_URL), in one transaction. An older backup is \
            migrated forward on a copy. A database that holds governments or accounts is replaced \
            only with --replace; none is touched while a server runs on it.
            """
    )

    @Argument(help: "The backup file.")
    var file: String

    @Flag(help: "Replace what the database holds.")
    var replace = false

    func run() async throws {
        try await reportingFailures {
            let logger = CommandSupport.logger("kembar.restore")
            try await CommandSupport.withDatabase(logger: logger) { database in
                let counts = try await DatabaseRestore.restore(file, into: database, replace: replace, logger: logger)
                CommandSupport.say(
                    "Restored \(file) into \(database.location): \(counts.values.reduce(0, +)) rows in \(counts.count) tables."
                )
            }
        }
    }
}
