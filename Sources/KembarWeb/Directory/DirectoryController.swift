import Hummingbird
import KembarCore
import KembarStore

/// The world's twin-town directory, searched by a city's name: which cities it is twinned with,
/// and whence each pair comes. Reference data, apart from every government's record.
struct DirectoryController {
    let site: Site

    func addRoutes(to table: inout RouteTable) {
        table.on(.directory) { request, context in try await page(request, context) }
    }

    private func page(_ request: Request, _ context: KembarRequestContext) async throws -> HTMLPage {
        let words = context.words
        let form = FormState(urlEncoded: request.uri.query ?? "")
        let typed = String(form["q"].prefix(200))
        let country = CountryCode.isValid(form["country"]) ? form["country"] : nil
        let store = DirectoryStore(database: site.database)
        let twins = typed.isEmpty ? [] : try await store.twins(of: typed, country: country)
        var view = DirectoryView(
            typed: typed, country: country, twins: twins, loaded: try await store.isLoaded(), words: words)
        if typed.isEmpty, let country {
            // Who else at home works with the country (the home of the account's government).
            let account = try context.account
            let organizations = try await site.organizations()
            let home = organizations.first { $0.id == account.organizationID }?.place.country ?? "ID"
            view.peers = DirectoryView.Peers(
                try await store.peers(in: country, home: home, excluding: account.organizationID), country: country,
                home: home, words: words)
        }
        return site.page(
            "directory", title: words.text("directory_title"), model: view, words: words, request, context)
    }
}

/// The directory's page: the search, and each twin found.
struct DirectoryView {
    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Row {
        let town: String
        let twin: String
        let twinCountry: String
        let source: String
    }

    let action = SitePath.directory
    let typed: String
    let countries: [Option]
    let rows: [Row]
    let hasRows: Bool
    let summary: String?
    let empty: Bool
    /// Who else at home works with the country asked for (without a city's name).
    var peers: Peers?

    struct Peers {
        let heading: String
        let governments: [String]
        let hasGovernments: Bool
        let governmentsNone: String
        let directoryLine: String

        init(_ peers: CountryPeers, country: String, home: String, words: Words) {
            heading = words.text(
                "directory_peers_heading", ["home": words.country(home), "country": words.country(country)])
            governments = peers.governments.map {
                words.text("directory_peer_government", ["name": $0.name, "n": words.count($0.partnerships)])
            }
            hasGovernments = !governments.isEmpty
            governmentsNone = words.text("directory_peers_none")
            directoryLine =
                peers.directoryTowns.isEmpty
                ? words.text("directory_peers_no_towns")
                : words.text(
                    "directory_peer_towns",
                    [
                        "n": words.count(peers.directoryTowns.count),
                        "towns": peers.directoryTowns.joined(separator: ", "),
                    ])
        }
    }

    init(typed: String, country: String?, twins: [DirectoryTwin], loaded: Bool, words: Words) {
        self.typed = typed
        countries =
            [Option(value: "", label: words.text("directory_any_country"), selected: country == nil)]
            + words.countries.map {
                Option(value: $0.code, label: $0.name, selected: $0.code == country)
            }
        func place(_ town: DirectoryPair.Town) -> String {
            "\(town.name), \(town.country.map(words.country) ?? town.countryText)"
        }
        rows = twins.map {
            Row(
                town: place($0.town), twin: $0.twin.name,
                twinCountry: $0.twin.country.map(words.country) ?? $0.twin.countryText, source: $0.source)
        }
        hasRows = !rows.isEmpty
        summary =
            !loaded
            ? words.text("directory_not_loaded")
            : typed.isEmpty
                ? nil : words.text("directory_found", ["n": words.count(twins.count), "name": typed])
        empty = !typed.isEmpty && twins.isEmpty
    }
}
