import Hummingbird

/// The cookies Kembar sets: all `HttpOnly` and `SameSite=Lax`, and `Secure` when the site is
/// reached over HTTPS.
struct Cookies: Sendable {
    static let session = "kembar_session"
    /// For visitors without a session: the token their forms (sign-in, proposals) carry back.
    static let form = "kembar_form"

    let secure: Bool

    func session(_ token: String, maxAge: Int) -> String {
        cookie(Self.session, token, maxAge: maxAge).description
    }

    func endSession() -> String {
        cookie(Self.session, "", maxAge: 0).description
    }

    func formCookie(_ token: String) -> Cookie {
        cookie(Self.form, token, maxAge: nil)
    }

    private func cookie(_ name: String, _ value: String, maxAge: Int?) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
