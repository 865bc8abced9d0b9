import ArgumentParser
import KembarStore

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Bring the database schema up to date.",
        discussion: "Applies every pending migration, each in its own transaction. `serve` and `import` do this too."
    )

    func run() async throws {
        try await reportingFailures {
            let logger = CommandSupport.logger("kembar.migrate")
            try await CommandSupport.withDatabase(migrate: false, logger: logger) { database in
                let applied = try await Migrator.migrate(database, logger: logger)
                let version = try await Migrator.version(of: database)
                if applied.isEmpty {
                    CommandSupport.say("\(database.location): schema is up to date (version \(version)).")
                } else {
                    for migration in applied { CommandSupport.say("applied \(migration.version): \(migration.name)") }
                    CommandSupport.say("\(database.location): schema is at version \(version).")
                }
            }
        }
    }
}
