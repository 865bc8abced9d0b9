import Foundation
import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// People read names, not codes: no page of the demonstration, in either language, shows a code
/// of the vocabulary ("education-culture", "sister-city", "(admin)") or a record's id
/// ("mou-2006", "jwg-meeting") as text. Codes stay where a person does not read them: addresses,
/// option values, and the JSON of the change history.
@Suite struct VocabularyOnPagesTests {
    /// The codes of the vocabulary that are not also words of either language.
    static func vocabularyCodes() -> Set<String> {
        var codes: [String] = []
        codes += Partnership.Kind.allCases.map(\.rawValue) + Partner.Kind.allCases.map(\.rawValue)
        codes += StageEvent.Stage.allCases.map(\.rawValue) + Agreement.Kind.allCases.map(\.rawValue)
        codes += Activity.Kind.allCases.map(\.rawValue) + Participant.Group.allCases.map(\.rawValue)
        codes += Cost.Kind.allCases.map(\.rawValue) + Benefit.Kind.allCases.map(\.rawValue)
        codes += ActivityResult.Kind.allCases.map(\.rawValue) + Document.Kind.allCases.map(\.rawValue)
        codes += KeyElement.allCases.map(\.rawValue) + Alarm.Kind.allCases.map(\.rawValue)
        codes += [
            "economy", "science-technology", "education-culture", "environment-urban", "governance",
            "roles", "timeframe", "focal-points", "funding", "dispute-resolution", "review",
        ]
        // A code joined by hyphens is no word; single words ("visit", "media") are words as well.
        return Set(codes.filter { $0.contains("-") })
    }

    /// The ids of the demonstration's records that could not be mistaken for a word.
    static func recordIDs() throws -> Set<String> {
        var ids: Set<String> = []
        for partnership in try Fixtures.demoRecord().partnerships {
            ids.insert(partnership.id)
            ids.formUnion(partnership.agreements.map(\.id))
            ids.formUnion(partnership.obligations.map(\.id))
            ids.formUnion(partnership.activities.map(\.id))
            ids.formUnion(partnership.documents.map(\.id))
        }
        return ids.filter { $0.contains("-") }
    }

    /// What a person reads of a page: the text outside tags, without scripts, styles, the JSON of
    /// history entries, code shown for copying, and web addresses.
    static func readable(_ html: String) -> String {
        var text = html
        for element in ["script", "style", "pre", "code"] {
            text = text.replacing(try! Regex("<\(element)[^>]*>.*?</\(element)>").dotMatchesNewlines(), with: " ")
        }
        text = decodeEntities(text.replacing(/<[^>]+>/, with: " "))
        return text.replacing(/https?:\/\/\S+/, with: " ")
    }

    /// Every page of the site a signed-in administrator of the deployment and the public reach by
    /// following links, in `language`.
    static func crawl(_ site: WebHarness, language: String) async throws -> [String: String] {
        var pages: [String: String] = [:]
        var queue = ["/", "/public"]
        var seen = Set(queue)
        let skipped = [".csv", ".ics", ".qdpx", ".qdc", ".geojson", ".atom", "/file", "/sign-out", "/static/"]
        while let path = queue.popLast(), pages.count < 2_000 {
            let page = try await site.get(path, language: language)
            guard page.headers[.contentType]?.hasPrefix("text/html") == true else { continue }
            pages[path] = page.html
            for match in page.html.matches(of: /href="(\/[^"#?]*)/) {
                let link = String(match.1)
                guard !skipped.contains(where: { link.contains($0) }), seen.insert(link).inserted else { continue }
                queue.append(link)
            }
        }
        return pages
    }

    /// Codes that are English words as they stand, said so on English pages.
    static let englishWords: Set = ["in-kind", "staff-days"]

    @Test func noPageShowsACodeOrARecordIDAsText() async throws {
        let codes = Self.vocabularyCodes().union(try Self.recordIDs())
        let roles = Role.allCases.map { "(\($0.rawValue))" }
        // Countries are named, never given as their ISO codes ("CN China").
        let countryCodes = Set(try Fixtures.demoRecord().partnerships.map(\.partner.country))
        try await WebHarness.with(signedIn: false) { visitor in
            // The demonstration's history holds changes by the test's own accounts: an administrator
            // of the deployment reads every page.
            let site = try await visitor.signedIn(.admin, organizationID: nil)
            for language in ["id", "en"] {
                let pages = try await Self.crawl(site, language: language)
                #expect(pages.count > 100, "\(language): only \(pages.count) pages")
                for (path, html) in pages {
                    let text = Self.readable(html)
                    let words = Set(text.matches(of: /[a-z0-9]+(?:-[a-z0-9]+)+/).map { String($0.output) })
                    let shown = words.intersection(codes).subtracting(language == "en" ? Self.englishWords : [])
                    #expect(shown.isEmpty, "\(language) \(path) shows \(shown.sorted())")
                    // In English a signatory's side reads "(partner)", a word as it stands.
                    let roleCodes = roles.filter { text.contains($0) && !(language == "en" && $0 == "(partner)") }
                    #expect(roleCodes.isEmpty, "\(language) \(path) shows \(roleCodes)")
                    let capitals = Set(text.matches(of: /\b[A-Z]{2}\b/).map { String($0.output) })
                    let countries = capitals.intersection(countryCodes)
                    #expect(countries.isEmpty, "\(language) \(path) shows the country codes \(countries.sorted())")
                }
            }
        }
    }
}
