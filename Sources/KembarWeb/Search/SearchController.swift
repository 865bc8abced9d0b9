import Foundation
import Hummingbird
import KembarCore
import KembarStore

/// Full-text search over partnerships, activities and documents, within what the visitor may read.
struct SearchController {
    let site: Site

    func addRoutes(to table: inout RouteTable) {
        table.on(.search) { request, context in try await page(request, context) }
    }

    private func page(_ request: Request, _ context: KembarRequestContext) async throws -> HTMLPage {
        let account = try context.account
        let words = context.words
        // Read as a form reads it: a browser sends the spaces of a GET form as "+".
        let typed = String(FormState(urlEncoded: request.uri.query ?? "")["q"].prefix(300))
        let query = SearchQuery(typed)
        let scope = SearchStore.Scope(
            organizationID: account.organizationID,
            partnershipID: account.role == .partner ? account.partnershipID : nil,
            alsoOrganizations: account.governed.sorted())
        let found = try await SearchStore(database: site.database).search(query, in: scope)
        var indexes: [String: OrganizationIndex] = [:]
        for organizationID in Set(found.hits.map(\.organizationID)) {
            indexes[organizationID] = try await site.index(organizationID)
        }
        let view = SearchView(typed: typed, query: query, found: found, indexes: indexes, words: words)
        return site.page(
            "search", title: words.text("search_title"), model: view, words: words, request, context,
            section: .search)
    }
}

/// The search page: the box, and what was found, with the matched words marked.
struct SearchView {
    struct Run {
        let text: String
        let matched: Bool
    }

    struct Result {
        let href: String
        let kind: String
        let place: String
        let title: [Run]
        let snippet: [Run]
        let hasSnippet: Bool
    }

    let typed: String
    let searched: Bool
    let summary: String?
    /// Said when so much matched that the newest entries are shown instead of the best.
    let tooMany: String?
    let results: [Result]

    init(
        typed: String, query: SearchQuery, found: SearchStore.Results, indexes: [String: OrganizationIndex],
        words: Words
    ) {
        self.typed = typed
        searched = !query.isEmpty
        summary = query.isEmpty ? nil : words.text("search_found", ["count": words.count(found.hits.count)])
        tooMany = found.byRelevance ? nil : words.text("search_too_many")
        results = found.hits.map { hit in
            let index = indexes[hit.organizationID]
            let partnership = index?.partnerships.first { $0.id == hit.partnershipID }
            let page = SitePath.partnership(hit.organizationID, hit.partnershipID)
            // A document is found by its text, so it opens on its own page, where the text is.
            let href: String =
                switch hit.kind {
                case .partnership: page
                case .activity: page + "#" + SitePath.anchor("activity", hit.recordID)
                case .document: SitePath.document(hit.organizationID, hit.partnershipID, hit.recordID)
                }
            let names = [index?.organization.place.name, partnership?.partnerName].compactMap { $0 }
            return Result(
                href: href, kind: words.text("search_kind_\(hit.kind.rawValue)"),
                place: names.joined(separator: " – "),
                title: hit.title.runs.map { Run(text: $0.text, matched: $0.matched) },
                snippet: Self.naming(hit.snippet.runs.map { Run(text: $0.text, matched: $0.matched) }, words: words),
                hasSnippet: !hit.snippet.runs.isEmpty)
        }
    }

    /// The snippet with each line that is an area of cooperation's code (the index keeps an
    /// activity's areas as codes, a line each) said by the area's name in the page's language.
    static func naming(_ runs: [Run], words: Words) -> [Run] {
        var lines: [[Run]] = [[]]
        for run in runs {
            for (index, part) in run.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { lines.append([]) }
                if !part.isEmpty { lines[lines.count - 1].append(Run(text: String(part), matched: run.matched)) }
            }
        }
        return lines.enumerated().flatMap { index, line -> [Run] in
            let text = line.map(\.text).joined()
            let code = text.trimmingCharacters(in: .whitespaces)
            let said: [Run] =
                words.hasTerm("area.\(code)")
                ? [Run(text: words.term("area.\(code)"), matched: line.contains(where: \.matched))] : line
            return index == 0 ? said : [Run(text: "\n", matched: false)] + said
        }
    }
}
