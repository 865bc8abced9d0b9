import ArgumentParser

@main
struct Kembar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kembar",
        abstract: "The cooperation office's system of record for international partnerships.",
        discussion: """
            Kembar keeps each sister-city and institutional partnership's whole history, evaluates it \
            against the five UNDP key elements of city-to-city cooperation, and serves it on the web.

            Data lives in a SQLite file under KEMBAR_DATA_DIR (default ./kembar-data), or in \
            PostgreSQL when DATABASE_URL is set (postgres://user:password@host:port/database).
            """,
        subcommands: [
            ServeCommand.self, MigrateCommand.self, ImportCommand.self, ExportCommand.self, EvaluateCommand.self,
            GenerateCommand.self, UserCommand.self, BackupCommand.self, RestoreCommand.self, ReportCommand.self,
            TemplateCommand.self,
            PartnersCommand.self, DirectoryCommand.self, MailCommand.self,
        ]
    )
}
