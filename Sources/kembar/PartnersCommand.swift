import ArgumentParser
import Foundation
import KembarCore
import KembarStore

/// `kembar partners`: work on a government's partners as a whole.
struct PartnersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partners",
        abstract: "Work on a government's partners.",
        subcommands: [LocatePartnersCommand.self]
    )
}

/// `kembar partners locate --organization ID`: coordinates for the partners typed without them.
struct LocatePartnersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locate",
        abstract: "Fill in partners' coordinates from the gazetteer (GeoNames cities of more than 15,000 people).",
        discussion: """
            Each partner city or regency without coordinates is looked up by its name (also without \\
            words such as Kota or City) in its country. One city of the name is taken; among several, \\
            the most populous when it has at least ten times the people of the next. The others are \\
            listed for a person to place on the partner's form. Written in one transaction with one \\
            audit entry; --dry-run writes nothing.
            """
    )

    @Option(help: "The government whose partners are placed.")
    var organization: String

    @Flag(help: "List what would be done; write nothing.")
    var dryRun = false

    func run() async throws {
        try await reportingFailures {
            let summary = try await CommandSupport.withDatabase(logger: CommandSupport.logger("kembar.partners")) {
                database in
                do {
                    return try await GazetteerStore(database: database).locatePartners(
                        organizationID: organization, actor: "cli:\(NSUserName())", dryRun: dryRun)
                } catch StoreError.organizationNotFound {
                    throw CommandFailure("no organization \"\(organization)\" in the database; nothing was written")
                }
            }
            for (partner, city) in summary.placed {
                CommandSupport.say(
                    "placed: \(partner.name) (\(partner.country)) at \(city.name), \(city.coordinate.latitude), \(city.coordinate.longitude) (\(city.population) people, \(city.timeZone))"
                )
            }
            for (partner, location) in summary.left {
                CommandSupport.say("left for a person: \(partner.name) (\(partner.country)): \(Self.reason(location))")
            }
            CommandSupport.say(
                "\(summary.placed.count) placed, \(summary.left.count) left for a person"
                    + (dryRun ? " (--dry-run: nothing was written)." : "."))
        }
    }

    private static func reason(_ location: PartnerLocation) -> String {
        switch location {
        case .found: "placed"
        case .notFound: "no city of this name in the gazetteer"
        case .notACity: "not a city or regency; the gazetteer holds cities"
        case .ambiguous(let cities):
            "several cities of this name: "
                + cities.prefix(5).map {
                    "\($0.name) (\($0.population) people, \($0.coordinate.latitude), \($0.coordinate.longitude))"
                }
                .joined(separator: "; ")
        }
    }
}
