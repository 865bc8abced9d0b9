import Hummingbird

/// Picks the interface language of a request and remembers a choice in a cookie.
///
/// `?lang=en` on any page switches and is remembered for a year; without it the cookie decides,
/// and without a cookie Bahasa Indonesia.
enum LanguageChoice {
    static let cookieName = "kembar_lang"

    static func language(of request: Request) -> (language: Language, chosenNow: Bool) {
        if let code = request.uri.queryParameters["lang"].flatMap({ Language(rawValue: String($0)) }) {
            return (code, true)
        }
        if let code = request.cookies[cookieName]?.value, let language = Language(rawValue: code) {
            return (language, false)
        }
        return (.default, false)
    }

    static func rememberingHeaders(_ language: Language) -> HTTPFields {
        let cookie = Cookie(
            name: cookieName, value: language.rawValue, maxAge: 365 * 24 * 3600, path: "/", httpOnly: true,
            sameSite: .lax)
        return [.setCookie: cookie.description]
    }
}
