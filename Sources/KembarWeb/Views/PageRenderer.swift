import Foundation
import Hummingbird
import Mustache

/// Renders Mustache templates from `Resources/templates` with the interface strings of a language.
///
/// Every page gets `lang`, `t` (the catalog), the navigation and the language switch besides its
/// own model.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let catalog: Catalog

    public static func bundled() async throws -> PageRenderer {
        guard let directory = Bundle.module.resourceURL?.appendingPathComponent("templates").path else {
            throw CatalogError.missing("templates")
        }
        return PageRenderer(library: try await MustacheLibrary(directory: directory), catalog: try Catalog.bundled())
    }

    func words(_ language: Language) -> Words {
        Words(language: language, catalog: catalog)
    }

    /// - Parameters:
    ///   - request: for the language switch, which links to the same address in each language.
    ///   - attribution: whether the page shows data that needs the footer's licence line.
    func render(
        _ template: String, title: String, model: Any, words: Words, request: Request, section: NavSection? = nil,
        attribution: Bool = false, status: HTTPResponse.Status = .ok
    ) -> HTMLPage {
        let path = request.uri.path
        let query = (request.uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("lang=") }.joined(
            separator: "&")
        let page = PageContext(
            lang: words.language.rawValue, t: catalog.table(words.language), title: title, model: model,
            attribution: attribution,
            languages: Language.allCases.map { other in
                LanguageLink(
                    code: other.rawValue, name: other.nativeName,
                    href: path + "?" + (query.isEmpty ? "" : query + "&") + "lang=\(other.rawValue)",
                    current: other == words.language)
            },
            navigation: NavSection.allCases.map { item in
                NavLink(href: item.path, label: words.text(item.labelKey), current: item == section)
            })
        guard let html = library.render(page, withTemplate: template) else {
            preconditionFailure("template \(template) is missing from the bundle")
        }
        return HTMLPage(html: html, status: status)
    }
}

/// The main sections of the site, in the navigation bar.
enum NavSection: CaseIterable {
    case portfolio
    case map
    case newPartnership

    var path: String {
        switch self {
        case .portfolio: SitePath.portfolio
        case .map: SitePath.map
        case .newPartnership: SitePath.newPartnership
        }
    }

    var labelKey: String {
        switch self {
        case .portfolio: "nav_portfolio"
        case .map: "nav_map"
        case .newPartnership: "nav_new_partnership"
        }
    }
}

struct PageContext {
    let lang: String
    let t: [String: String]
    let title: String
    let model: Any
    let attribution: Bool
    let languages: [LanguageLink]
    let navigation: [NavLink]
}

struct LanguageLink {
    let code: String
    let name: String
    let href: String
    let current: Bool
}

struct NavLink {
    let href: String
    let label: String
    let current: Bool
}
