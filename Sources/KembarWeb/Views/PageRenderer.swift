import Foundation
import Mustache

/// Renders Mustache templates from `Resources/templates` with the interface strings of a language.
///
/// Every page gets `lang`, `t` (the catalog) and `languages` (the switch) besides its own model.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let catalog: Catalog

    public static func bundled() async throws -> PageRenderer {
        guard let directory = Bundle.module.resourceURL?.appendingPathComponent("templates").path else {
            throw CatalogError.missing("templates")
        }
        return PageRenderer(library: try await MustacheLibrary(directory: directory), catalog: try Catalog.bundled())
    }

    /// - Parameter attribution: whether the page shows data that needs the footer's licence line.
    func render(
        _ template: String, title: String, model: Any, language: Language, path: String, attribution: Bool = false
    ) -> String {
        let page = PageContext(
            lang: language.rawValue, t: catalog.table(language), title: title, model: model, attribution: attribution,
            languages: Language.allCases.map { other in
                LanguageLink(
                    code: other.rawValue, name: other.nativeName, href: "\(path)?lang=\(other.rawValue)",
                    current: other == language)
            })
        guard let html = library.render(page, withTemplate: template) else {
            preconditionFailure("template \(template) is missing from the bundle")
        }
        return html
    }
}

struct PageContext {
    let lang: String
    let t: [String: String]
    let title: String
    let model: Any
    let attribution: Bool
    let languages: [LanguageLink]
}

struct LanguageLink {
    let code: String
    let name: String
    let href: String
    let current: Bool
}
