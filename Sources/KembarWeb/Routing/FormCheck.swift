import Hummingbird
import KembarDocuments
import KembarStore

/// A form sent to a route, read before its handler runs and refused unless it carries the token
/// of the visitor's own pages: another site cannot make a browser change Kembar's records (CSRF).
/// Only a route that takes uploads reads a `multipart/form-data` body, up to the largest file
/// taken; any other form is read up to the small limit of a form.
struct FormCheck {
    let site: Site

    static let tokenField = "_csrf"

    /// Room for an upload's other fields (title, kind, date…) beside the file itself.
    static let uploadFieldsAllowance = 64 * 1024

    /// Nil when the form may go on to its handler (with an upload's parts in the context), else
    /// the page that refuses it.
    func check(_ route: Route, _ request: inout Request, _ context: inout KembarRequestContext) async throws
        -> Response?
    {
        let words = context.words
        let sent: String
        if route.takesUploads, let boundary = MultipartForm.boundary(of: request.headers[.contentType]) {
            let limit = site.intake.limits.maximumBytes + Self.uploadFieldsAllowance
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: limit)
            } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
                return try refusal(
                    "upload_too_large_title",
                    words.text(
                        "upload_too_large_message", ["limit": words.megabytes(site.intake.limits.maximumBytes)]),
                    .contentTooLarge, request, context)
            }
            guard let form = try? MultipartForm(body, boundary: boundary) else {
                return try refusal(
                    "upload_malformed_title", words.text("upload_malformed_message"), .badRequest, request, context)
            }
            context.multipart = form
            sent = form.fields[Self.tokenField]
        } else {
            let body = try await request.collectBody(upTo: site.security.maximumFormBytes)
            sent = FormState(urlEncoded: String(buffer: body))[Self.tokenField]
        }
        guard !context.visitor.formTokenIsNew, SecretToken.matches(sent, context.visitor.formToken) else {
            return try refusal(
                "form_expired_title", words.text("form_expired_message"), .forbidden, request, context)
        }
        return nil
    }

    private func refusal(
        _ titleKey: String, _ message: String, _ status: HTTPResponse.Status, _ request: Request,
        _ context: KembarRequestContext
    ) throws -> Response {
        try site.message(
            request, context, words: context.words, title: context.words.text(titleKey), message: message,
            status: status
        ).response(from: request, context: context)
    }
}
