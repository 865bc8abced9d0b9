import KembarCore
import KembarStore

/// Which governments a page of several shows: all those the account reads while they are few,
/// else the one chosen in the address (none until one is chosen), with links to each. Rendering
/// every government of a national deployment at once would read and evaluate the whole database.
struct GovernmentChoice: Sendable {
    /// Beyond this many governments, a page shows one at a time.
    static let shownTogether = 12

    struct Link: Sendable {
        let name: String
        let href: String
        let count: String
        let current: Bool
    }

    let readable: [String]
    let organizationIDs: [String]

    init(readable: [String], chosen: String?) {
        self.readable = readable
        if let chosen, readable.contains(chosen) {
            organizationIDs = [chosen]
        } else {
            organizationIDs = readable.count > Self.shownTogether ? [] : readable
        }
    }

    /// Whether the page lists the governments to choose from.
    var offersChoice: Bool { readable.count > Self.shownTogether }

    /// What the page depends on: the government shown, or every one when it lists them all.
    var dependencies: Set<String>? { offersChoice ? nil : Set(organizationIDs) }

    /// The governments to choose from, by name with their number of partnerships; none when all are shown.
    func links(_ site: Site, words: Words, href: (String) -> String) async throws -> [Link] {
        guard offersChoice else { return [] }
        var links: [Link] = []
        for organization in try await site.organizations() where readable.contains(organization.id) {
            let count = try await site.index(organization.id)?.partnerships.count ?? 0
            links.append(
                Link(
                    name: organization.name, href: href(organization.id), count: words.count(count),
                    current: organizationIDs == [organization.id]))
        }
        return links
    }
}
