import ArgumentParser
import KembarStore

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the whole database to a file, while Kembar keeps running.",
        discussion: """
            On the SQLite default, writes a consistent copy of everything — the record, accounts, \
            proposals, partner entries, the audit log — to FILE (which must not exist). To restore, \
            stop Kembar and put the copy in place of KEMBAR_DATA_DIR/kembar.sqlite. On PostgreSQL, \
            use the database's own tools (pg_dump, pg_restore): the command says which. \
            `kembar export` writes the record alone, in the kembar/1 interchange format.
            """
    )

    @Option(name: .shortAndLong, help: "The file to write.")
    var output: String

    func run() async throws {
        try await reportingFailures {
            let logger = CommandSupport.logger("kembar.backup")
            try await CommandSupport.withDatabase(logger: logger) { database in
                guard let sqlite = database as? SQLiteKembarDatabase else {
                    throw CommandFailure(
                        "the database is PostgreSQL: back it up with pg_dump --format=custom --file \(output) "
                            + "\"$DATABASE_URL\" (restore with pg_restore --clean --dbname \"$DATABASE_URL\" \(output))"
                    )
                }
                try await sqlite.backup(to: output)
                CommandSupport.say("Wrote a copy of \(database.location) to \(output).")
            }
        }
    }
}
