import ArgumentParser
import Hummingbird
import KembarCore
import KembarStore
import KembarWeb
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web application.",
        discussion: """
            Brings the schema up to date, loads the demonstration portfolio (the Bandung government's \
            record) when the database holds no organization, and serves until interrupted.
            """
    )

    @Option(help: "Address to listen on.")
    var hostname = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port, printed at start).")
    var port = 8080

    @Flag(help: "Do not load the demonstration portfolio into an empty database.")
    var noDemo = false

    @Option(help: "A kembar-policy/1 file for the scorecards (default: the built-in policy).")
    var policy: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        try await reportingFailures {
            let logger = CommandSupport.logger("kembar.serve", defaultLevel: .info)
            let rules = try PolicyInput.read(policy)
            let database = try await DatabaseConfiguration().open(logger: logger)
            do {
                try await Migrator.migrate(database, logger: logger)
                let store = RecordStore(database: database)
                if !noDemo, try await store.isEmpty() {
                    let demo = try DemoRecord.record()
                    try await store.importRecord(demo, actor: "system:demo", source: "the demonstration portfolio")
                    CommandSupport.say(
                        "Loaded the demonstration portfolio (\(demo.organization.name), \(demo.partnerships.count) partnerships)."
                    )
                }
                let location = database.location
                let app = try await buildApplication(
                    database: database, hostname: hostname, port: port, policy: rules, logger: logger
                ) { [hostname] boundPort in
                    CommandSupport.say(
                        "Kembar serves http://\(hostname):\(boundPort)/ with data in \(location). Stop with Ctrl-C.")
                }
                try await app.runService()
            } catch {
                try? await database.close()
                throw error
            }
        }
    }
}
