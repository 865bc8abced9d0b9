import Foundation
import KembarCore
import Mustache

/// A document made to be printed or sent on (the yearly report, a partnership's dossier): a
/// page of its own, without the site's navigation, in one language.
struct PrintedDocument {
    /// Its style sheets (from `public/`): linked when the site serves it, written into the file
    /// when it leaves the site, so that the file the Ministry receives looks the same with no
    /// server behind it.
    enum Style {
        case linked([String])
        case embedded([String])

        var context: [[String: String]] {
            switch self {
            case .linked(let names): names.map { ["href": SitePath.staticFile($0)] }
            case .embedded(let names): names.map { ["css": Self.css($0)] }
            }
        }

        static func css(_ name: String) -> String {
            let stem = name.replacingOccurrences(of: ".css", with: "")
            guard let url = Bundle.module.url(forResource: stem, withExtension: "css", subdirectory: "public"),
                let css = try? String(contentsOf: url, encoding: .utf8)
            else { preconditionFailure("public/\(name) is missing from the bundle") }
            return css
        }
    }

    /// The way back to the site and the other forms of the document, shown on screen only.
    struct Tools {
        struct Link {
            let href: String
            let label: String
            var download = false
        }

        let href: String
        let label: String
        let downloads: [Link]
    }

    struct Context {
        let lang: String
        let t: [String: String]
        let title: String
        let styles: [[String: String]]
        let back: Tools?
        let model: Any
    }

    static func render(
        _ template: String, title: String, model: Any, words: Words, renderer: PageRenderer, style: Style,
        tools: Tools? = nil
    ) -> String {
        let context = Context(
            lang: words.language.rawValue, t: renderer.catalog.table(words.language), title: title,
            styles: style.context, back: tools, model: model)
        guard let html = renderer.library.render(context, withTemplate: template) else {
            preconditionFailure("template \(template) is missing from the bundle")
        }
        return html
    }
}
