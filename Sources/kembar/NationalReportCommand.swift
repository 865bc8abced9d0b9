import ArgumentParser
import Foundation
import KembarCore
import KembarStore
import KembarWeb

/// `kembar report national --year YEAR`: every government's yearly report, compiled.
struct NationalReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "national",
        abstract: "The yearly KSDPL/KSDLL reports of every government in the database, compiled.",
        discussion: """
            Summed by province, then government by government (html: one self-contained file of the \\
            totals; csv and xlsx: every row of every government's yearly report, with its province \\
            and government first). --province compiles one province's governments only. In Bahasa \\
            Indonesia, as the ministry reads it.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html
        case csv
        case xlsx
    }

    @Option(help: "The year to compile.")
    var year: Int

    @Option(help: "html, csv or xlsx.")
    var format: Format = .html

    @Option(help: "Compile only this province and the regencies and cities that belong to it.")
    var province: String?

    @Option(help: "Compile as if today were this day, YYYY-MM-DD (default: today).")
    var today: String?

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        if let today, CalendarDay(iso: today) == nil {
            throw ValidationError("--today must be a real day written YYYY-MM-DD, not \"\(today)\"")
        }
        if format == .xlsx, output == nil || output == "-", isatty(STDOUT_FILENO) == 1 {
            throw ValidationError("an .xlsx file is a ZIP archive: write it to a file with --output FILE")
        }
    }

    func run() async throws {
        try await reportingFailures {
            let day = today.flatMap(CalendarDay.init(iso:)) ?? EvaluateCommand.today()
            guard let period = ReportPeriod(year: year, today: day) else {
                throw CommandFailure("--year must be a year that has begun by \(day), not \(year); nothing was written")
            }
            let (records, issuer) = try await CommandSupport.withDatabase(
                logger: CommandSupport.logger("kembar.report")
            ) { database in
                let store = RecordStore(database: database)
                var organizations = try await store.organizations()
                var issuer = "Kementerian Dalam Negeri"
                if let province {
                    guard let found = organizations.first(where: { $0.id == province }), found.level == .province else {
                        throw CommandFailure("no province \"\(province)\" in the database; nothing was written")
                    }
                    issuer = found.name
                    organizations = organizations.filter { $0.id == province || $0.parent == province }
                }
                var records: [CooperationRecord] = []
                for organization in organizations {
                    records.append(try await store.exportRecord(organizationID: organization.id))
                }
                return (records, issuer)
            }
            let compilation = NationalCompilation(records: records, period: period)
            let writer = try await ReportWriter.bundled()
            let bytes: [UInt8] =
                switch format {
                case .html: Array(writer.compilationHTML(compilation, issuer: issuer).utf8)
                case .csv: Array(writer.compilationCSV(compilation).utf8)
                case .xlsx: writer.compilationXLSX(compilation)
                }
            try OutputFile.write(to: output) { emit in try emit(bytes) }
        }
    }
}
