import Hummingbird
import KembarCore
import KembarDocuments
import KembarStore

/// Finds out who is asking (the session of the cookie, if any), and refuses any form sent
/// without the token of the visitor's own pages: another site cannot make a browser change
/// Kembar's records (CSRF).
struct VisitorMiddleware: RouterMiddleware {
    typealias Context = KembarRequestContext
    let site: Site

    static let formTokenField = "_csrf"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var request = request
        var context = context
        let security = site.security
        context.visitor.address = security.address(of: request, connection: context.connectionAddress)
        // The API takes no cookie, only a bearer token: no session, no form token to check.
        if APIPath.isAPI(request.uri.path) { return try await next(request, context) }
        var newFormToken: String?
        if let token = request.cookies[Cookies.session]?.value, !token.isEmpty,
            let session = try await session(token)
        {
            context.visitor.session = session
            context.visitor.formToken = session.formToken
            if !session.account.mustChangePassword {
                context.visitor.decisionsWaiting = try await site.decisionsWaiting.count(
                    for: session.account, site: site)
            }
        } else if let token = request.cookies[Cookies.form]?.value, token.count >= 32 {
            context.visitor.formToken = token
        } else {
            let token = SecretToken.make()
            context.visitor.formToken = token
            newFormToken = token
        }
        if request.method != .get && request.method != .head {
            let sent: String
            if let boundary = MultipartForm.boundary(of: request.headers[.contentType]) {
                let form: MultipartForm
                switch try await upload(&request, boundary: boundary, context) {
                case .form(let read): form = read
                case .refused(let response): return response
                }
                context.multipart = form
                sent = form.fields[Self.formTokenField]
            } else {
                let body = try await request.collectBody(upTo: security.maximumFormBytes)
                sent = FormState(urlEncoded: String(buffer: body))[Self.formTokenField]
            }
            guard newFormToken == nil, SecretToken.matches(sent, context.visitor.formToken) else {
                let words = context.words
                return try site.message(
                    request, context, words: words, title: words.text("form_expired_title"),
                    message: words.text("form_expired_message"), status: .forbidden
                ).response(from: request, context: context)
            }
        }
        if let account = context.visitor.account, account.mustChangePassword,
            ![SitePath.password, SitePath.signOut].contains(request.uri.path),
            !request.uri.path.hasPrefix(SitePath.staticFiles)
        {
            return Response(status: .seeOther, headers: [.location: SitePath.password])
        }
        var response = try await next(request, context)
        if request.method != .get && request.method != .head && context.visitor.session != nil {
            // Whatever was changed (a password, a role, a sign-out) is read afresh by the next request.
            site.sessionCache.forgetAll()
        }
        if let newFormToken, response.headers[.contentType]?.hasPrefix("text/html") == true {
            response.setCookie(security.cookies.formCookie(newFormToken))
        }
        return response
    }

    private enum Upload {
        case form(MultipartForm)
        case refused(Response)
    }

    /// Reads an upload's body: up to the largest file taken plus room for the form's fields. Too
    /// large a body is refused with 413, one that is not well-formed multipart with 400.
    private func upload(_ request: inout Request, boundary: String, _ context: Context) async throws -> Upload {
        let words = context.words
        let limit = site.intake.limits.maximumBytes + Self.uploadFieldsAllowance
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            return .refused(
                try site.message(
                    request, context, words: words, title: words.text("upload_too_large_title"),
                    message: words.text(
                        "upload_too_large_message", ["limit": words.megabytes(site.intake.limits.maximumBytes)]),
                    status: .contentTooLarge
                ).response(from: request, context: context))
        }
        guard let form = try? MultipartForm(body, boundary: boundary) else {
            return .refused(
                try site.message(
                    request, context, words: words, title: words.text("upload_malformed_title"),
                    message: words.text("upload_malformed_message"), status: .badRequest
                ).response(from: request, context: context))
        }
        return .form(form)
    }

    /// Room for an upload's other fields (title, kind, date…) beside the file itself.
    static let uploadFieldsAllowance = 64 * 1024

    private func session(_ token: String) async throws -> SessionStore.Session? {
        let now = site.security.now()
        if let known = site.sessionCache.session(tokenHash: SecretToken.hash(token), now: now) { return known }
        guard let session = try await site.sessions.session(token: token, now: now) else { return nil }
        site.sessionCache.keep(session, now: now)
        return session
    }
}
