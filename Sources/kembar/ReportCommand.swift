import ArgumentParser
import Foundation
import KembarCore
import KembarStore
import KembarWeb

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the reports the office owes.",
        subcommands: [AnnualReportCommand.self, NationalReportCommand.self, DossierReportCommand.self]
    )
}

/// `kembar report annual --year 2022`: the yearly KSDPL/KSDLL report to the Ministry of Home Affairs.
struct AnnualReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annual",
        abstract: "The yearly report on foreign cooperation (KSDPL and KSDLL) to the Ministry of Home Affairs.",
        discussion: """
            Every cooperation of the year with its legal basis, areas, the year's activities (dates, \
            participants, costs, results), obstacles (the alarms standing at the end of the year, or today \
            while the year runs) and follow-up, in Bahasa Indonesia: as one self-contained HTML file to \
            print on A4, or as CSV (UTF-8 with a byte order mark, a row per activity) for spreadsheets.
            """
    )

    @Option(help: "The year to report on.")
    var year: Int

    @Option(help: "html, csv or xlsx.")
    var format: Format = .html

    @Option(help: "Read this kembar/1 file (- for standard input) instead of the database.")
    var input: String?

    @Option(help: "The government to report on from the database (needed when it holds more than one).")
    var organization: String?

    @Option(help: "Write the report as if today were this day, YYYY-MM-DD (default: today).")
    var today: String?

    @Option(
        help:
            "A kembar-policy/1 file with the thresholds the obstacles are judged by (default: the built-in policy)."
    )
    var policy: String?

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html
        case csv
        case xlsx
    }

    func validate() throws {
        if let today, CalendarDay(iso: today) == nil {
            throw ValidationError("--today must be a real day written YYYY-MM-DD, not \"\(today)\"")
        }
        if format == .xlsx, output == nil || output == "-", isatty(STDOUT_FILENO) == 1 {
            throw ValidationError("an .xlsx file is a ZIP archive: write it to a file with --output FILE")
        }
        if input != nil, organization != nil {
            throw ValidationError("--organization selects from the database; it cannot be used with --input")
        }
    }

    func run() async throws {
        try await reportingFailures {
            let day = today.flatMap(CalendarDay.init(iso:)) ?? EvaluateCommand.today()
            guard let period = ReportPeriod(year: year, today: day) else {
                throw CommandFailure("--year must be a year that has begun by \(day), not \(year); nothing was written")
            }
            let rules = try PolicyInput.read(policy)
            let record: CooperationRecord
            if let input {
                record = try RecordInput.read(input, consequence: "no report was written")
            } else {
                record = try await CommandSupport.withDatabase(logger: CommandSupport.logger("kembar.report")) {
                    database in
                    try await RecordStore(database: database).exportRecord(organizationID: organization)
                }
            }
            let report = AnnualReport(record: record, period: period, policy: rules)
            let writer = try await ReportWriter.bundled()
            let bytes: [UInt8] =
                switch format {
                case .html: Array(writer.annualHTML(report).utf8)
                case .csv: Array(writer.annualCSV(report).utf8)
                case .xlsx: writer.annualXLSX(report)
                }
            try OutputFile.write(to: output) { emit in try emit(bytes) }
        }
    }
}

/// `kembar report dossier --partnership ID`: a partnership's dossier, to print or hand over.
struct DossierReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "A partnership's dossier: its whole history, scorecard, documents and contacts, in one HTML file.",
        discussion: """
            What a new officer reads on the first day: the people to ask (from the database, the \
            government's officers and the partner city's liaisons; from any record, who signed each \
            agreement), the alarms, the timeline, the scorecard against the five UNDP key elements, the \
            areas, reciprocity and participants, and the whole record with its documents.
            """
    )

    @Option(help: "The partnership's id.")
    var partnership: String

    @Option(help: "id (Bahasa Indonesia) or en (English).")
    var language: String = "id"

    @Option(help: "Read this kembar/1 file (- for standard input) instead of the database.")
    var input: String?

    @Option(help: "The government the partnership belongs to (needed when the database holds more than one).")
    var organization: String?

    @Option(help: "Evaluate as of this day, YYYY-MM-DD (default: today).")
    var today: String?

    @Option(help: "A kembar-policy/1 file (default: the built-in policy).")
    var policy: String?

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        if let today, CalendarDay(iso: today) == nil {
            throw ValidationError("--today must be a real day written YYYY-MM-DD, not \"\(today)\"")
        }
        if !["id", "en"].contains(language) {
            throw ValidationError("--language must be id or en, not \"\(language)\"")
        }
        if input != nil, organization != nil {
            throw ValidationError("--organization selects from the database; it cannot be used with --input")
        }
    }

    func run() async throws {
        try await reportingFailures {
            let day = today.flatMap(CalendarDay.init(iso:)) ?? EvaluateCommand.today()
            let rules = try PolicyInput.read(policy)
            let record: CooperationRecord
            var accounts: [Account] = []
            if let input {
                record = try RecordInput.read(input, consequence: "no dossier was written")
            } else {
                (record, accounts) = try await CommandSupport.withDatabase(
                    logger: CommandSupport.logger("kembar.report")
                ) { database in
                    let record = try await RecordStore(database: database).exportRecord(organizationID: organization)
                    let accounts = try await AccountStore(database: database).accounts(
                        organizationID: record.organization.id)
                    return (record, accounts)
                }
            }
            let writer = try await ReportWriter.bundled()
            guard
                let html = writer.dossierHTML(
                    record: record, partnershipID: partnership, today: day, policy: rules, accounts: accounts,
                    language: language)
            else {
                throw CommandFailure(
                    "no partnership \"\(partnership)\" in the record; it holds: "
                        + record.partnerships.map(\.id).sorted().joined(separator: ", "))
            }
            try OutputFile.write(to: output) { emit in try emit(Array(html.utf8)) }
        }
    }
}
