import Foundation
import Hummingbird
import KembarCore
import Mustache

/// Renders Mustache templates from `Resources/templates` with the interface strings of a language.
///
/// Every page gets `lang`, `t` (the catalog), the navigation and the language switch besides its
/// own model.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let catalog: Catalog
    /// The words of each language, made once: a locale is costly to make on every request.
    private let wordsByLanguage: [Language: Words]

    init(library: MustacheLibrary, catalog: Catalog) {
        self.library = library
        self.catalog = catalog
        wordsByLanguage = Dictionary(
            uniqueKeysWithValues: Language.allCases.map { ($0, Words(language: $0, catalog: catalog)) })
    }

    public static func bundled() async throws -> PageRenderer {
        guard let directory = Bundle.module.resourceURL?.appendingPathComponent("templates").path else {
            throw CatalogError.missing("templates")
        }
        return PageRenderer(library: try await MustacheLibrary(directory: directory), catalog: try Catalog.bundled())
    }

    func words(_ language: Language) -> Words {
        wordsByLanguage[language] ?? Words(language: language, catalog: catalog)
    }

    /// - Parameters:
    ///   - request: for the language switch, which links to the same address in each language.
    ///   - visitor: decides the navigation, and gives the token every form carries.
    ///   - attribution: whether the page shows data that needs the footer's licence line.
    func render(
        _ template: String, title: String, model: Any, words: Words, request: Request, visitor: Visitor,
        section: NavSection? = nil, attribution: Bool = false, feed: String? = nil, status: HTTPResponse.Status = .ok
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
            navigation: Self.ownPartnership(of: visitor.account, words: words)
                + NavSection.visible(to: visitor.account).map { item in
                    NavLink(href: item.path, label: words.text(item.labelKey), current: item == section)
                } + Self.decisions(visitor, words: words),
            csrf: visitor.formToken,
            account: visitor.account.map { account in
                AccountBadge(
                    name: account.name, role: words.term(account.role, "account-role"), signOut: SitePath.signOut,
                    password: SitePath.password)
            },
            signIn: visitor.account == nil ? SitePath.signIn : nil, feed: feed)
        guard let html = library.render(page, withTemplate: template) else {
            preconditionFailure("template \(template) is missing from the bundle")
        }
        return HTMLPage(html: html, status: status)
    }
}

extension PageRenderer {
    /// A message's HTML part: the `mail` template, on its own (no page around it).
    func renderMail(_ view: MailView) -> String {
        guard let html = library.render(view, withTemplate: "mail") else {
            preconditionFailure("template mail is missing from the bundle")
        }
        return html
    }

    /// What waits for the officer's decision, when anything does: to the portfolio's to-do panel.
    fileprivate static func decisions(_ visitor: Visitor, words: Words) -> [NavLink] {
        guard visitor.decisionsWaiting > 0 else { return [] }
        return [
            NavLink(
                href: SitePath.portfolio + "#to-do",
                label: words.text("nav_decisions", ["n": words.count(visitor.decisionsWaiting)]), current: false)
        ]
    }

    /// A partner city's liaison has one partnership, which leads its navigation.
    fileprivate static func ownPartnership(of account: Account?, words: Words) -> [NavLink] {
        guard let account, account.role == .partner, let organizationID = account.organizationID,
            let partnershipID = account.partnershipID
        else { return [] }
        return [
            NavLink(
                href: SitePath.partnership(organizationID, partnershipID), label: words.text("nav_own_partnership"),
                current: false)
        ]
    }
}

/// The main sections of the site, in the navigation bar.
enum NavSection: CaseIterable {
    case portfolio
    case national
    case map
    case newPartnership
    case search
    case evidence
    case reports
    case accounts
    case publicPortal

    var path: String {
        switch self {
        case .portfolio: SitePath.portfolio
        case .national: SitePath.national
        case .map: SitePath.map
        case .newPartnership: SitePath.newPartnership
        case .search: SitePath.search
        case .evidence: SitePath.evidence
        case .reports: SitePath.reports
        case .accounts: SitePath.accounts
        case .publicPortal: SitePath.publicHome
        }
    }

    var labelKey: String {
        switch self {
        case .portfolio: "nav_portfolio"
        case .national: "nav_national"
        case .map: "nav_map"
        case .newPartnership: "nav_new_partnership"
        case .search: "nav_search"
        case .evidence: "nav_evidence"
        case .reports: "nav_reports"
        case .accounts: "nav_accounts"
        case .publicPortal: "nav_public"
        }
    }

    /// The sections an account may open (the public sees only the portal).
    static func visible(to account: Account?) -> [NavSection] {
        guard let account else { return [.publicPortal] }
        guard account.readsWholePortfolio else { return [.search, .publicPortal] }
        var sections: [NavSection] = [.portfolio, .map, .search, .evidence, .reports]
        // The ministry's accounts read the whole deployment, summed.
        if account.organizationID == nil { sections.insert(.national, at: 1) }
        if account.role == .officer || account.role == .admin { sections.append(.newPartnership) }
        if account.role == .admin { sections.append(.accounts) }
        sections.append(.publicPortal)
        return sections
    }
}

/// The signed-in person, in the page header.
struct AccountBadge {
    let name: String
    let role: String
    let signOut: String
    let password: String
    var tokens = SitePath.tokens
    var mail = SitePath.mailPreferences
}

struct PageContext {
    let lang: String
    let t: [String: String]
    let title: String
    let model: Any
    let attribution: Bool
    let languages: [LanguageLink]
    let navigation: [NavLink]
    /// The token each form sends back (see ``FormTokens`` and ``FormCheck``).
    let csrf: String
    let account: AccountBadge?
    let signIn: String?
    /// An Atom feed that browsers and feed readers can discover from the page.
    let feed: String?
    /// The site's fixed addresses the templates link to, made from the route table.
    let links = SiteLinks()
}

/// The addresses every template may link to (`{{links.home}}`): no template writes a path.
struct SiteLinks {
    let home = SitePath.home
    let search = SitePath.search
    let stylesheet = SitePath.staticFile("kembar.css")
    let quoteScript = SitePath.staticFile("select-quote.js")
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
