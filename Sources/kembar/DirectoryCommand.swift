import ArgumentParser
import Foundation
import KembarCore
import KembarStore

/// `kembar directory`: the world's twin-town directory, reference data beside the record.
struct DirectoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "directory",
        abstract: "The world's twin-town directory: which cities are twinned with which.",
        subcommands: [DirectoryImportCommand.self, DirectorySearchCommand.self]
    )
}

struct DirectoryImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load the twin-town directory (by default the one shipped with Kembar).",
        discussion: """
            With no FILE, loads the 25,917 pairs shipped with Kembar (Wikipedia contributors, via \\
            Hekman/twincities, CC BY-SA 4.0). A FILE has the columns city1,country1,lat1,lng1,city2,\\
            country2,lat2,lng2 (or city1,country1,city2,country2). The directory is replaced whole, \\
            in one transaction; each town is linked to the gazetteer's city of its name and country. \\
            A file with other columns is refused and nothing is written.
            """
    )

    @Argument(help: "Directory files; none for the one shipped with Kembar.")
    var files: [String] = []

    @Option(help: "How the pairs of FILEs are credited (default: the file's name).")
    var source: String?

    func run() async throws {
        try await reportingFailures {
            var pairs: [DirectoryPair] = []
            var selfPairs = 0
            var malformed = 0
            var unknownCountries = 0
            let shipped = files.isEmpty
            for file in shipped ? [try DirectoryStore.shippedFile().path] : files {
                let text: String
                do {
                    text = try String(contentsOfFile: file, encoding: .utf8)
                } catch {
                    throw CommandFailure(
                        "cannot read \(file): \((error as NSError).localizedDescription); nothing was written")
                }
                do throws(DirectoryFile.Failure) {
                    let contents = try DirectoryFile.read(text)
                    pairs += contents.pairs
                    selfPairs += contents.selfPairs
                    malformed += contents.malformedLines
                    unknownCountries += contents.unknownCountries
                } catch {
                    guard case .wrongColumns(let found) = error else { throw error }
                    throw CommandFailure(
                        "\(file) is not a twin-town directory: its header is \"\(found)\", not city1,country1,lat1,lng1,city2,country2,lat2,lng2 (or city1,country1,city2,country2); nothing was written"
                    )
                }
            }
            let credit =
                shipped
                ? DirectoryStore.shippedSource
                : source ?? files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
            let linked = try await CommandSupport.withDatabase(logger: CommandSupport.logger("kembar.directory")) {
                try await DirectoryStore(database: $0).replace(with: pairs, source: credit)
            }
            CommandSupport.say(
                "loaded \(pairs.count) pairs (\(credit)); \(linked) of their \(pairs.count * 2) towns linked to the gazetteer; left out: \(selfPairs) pairs of a town with itself, \(malformed) lines that hold no pair; \(unknownCountries) towns' country text names no country Kembar knows (kept as written)."
            )
        }
    }
}

struct DirectorySearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "List a city's twins in the directory, with the source of each pair."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "The city's name (case and accents do not matter).")
    var name: String

    @Option(help: "Only the city of this name in this country (ISO code, e.g. CN).")
    var country: String?

    @Option(help: "text or json.")
    var format: Format = .text

    func validate() throws {
        if let country, !CountryCode.isValid(country.uppercased()) {
            throw ValidationError("--country must be an ISO 3166-1 alpha-2 code, such as CN")
        }
    }

    func run() async throws {
        try await reportingFailures {
            let twins = try await CommandSupport.withDatabase(logger: CommandSupport.logger("kembar.directory")) {
                try await DirectoryStore(database: $0).twins(of: name, country: country?.uppercased())
            }
            switch format {
            case .json:
                let items = twins.map { twin in
                    JSONValue.members([
                        "town": .string(twin.town.name), "country": twin.town.country.map(JSONValue.string),
                        "twin": .string(twin.twin.name), "twinCountry": twin.twin.country.map(JSONValue.string),
                        "twinCountryAsWritten": .string(twin.twin.countryText), "source": .string(twin.source),
                    ])
                }
                CommandSupport.say(JSONWriter.string(.array(items)))
            case .text:
                guard !twins.isEmpty else {
                    CommandSupport.say("no twins of \"\(name)\" in the directory")
                    return
                }
                for twin in twins {
                    CommandSupport.say(
                        "\(twin.town.name) (\(twin.town.countryText)) — \(twin.twin.name) (\(twin.twin.countryText))   [\(twin.source)]"
                    )
                }
            }
        }
    }
}
