import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KembarCore
import KembarDocuments
import KembarMail
import KembarStore
import KembarTestSupport
import NIOCore

@testable import KembarWeb

/// The day every web test takes as "today", so that pages do not change with the calendar.
let testToday = CalendarDay(year: 2026, month: 11, day: 29)!

/// The cheapest bcrypt cost, so that tests do not spend their time hashing.
let testPasswords = Passwords(cost: 4)

/// A site over a fresh database, driven through the router as a browser would drive it.
struct WebHarness {
    let client: any TestClientProtocol
    let database: any KembarDatabase
    /// The signed-in browser: its session cookie and the token its forms carry; nil for the public.
    var session: (cookie: String, formToken: String)?

    /// Runs `body` against a site holding `record` (the demonstration portfolio unless told),
    /// signed in as an officer of the record's government (as the deployment's administrator when
    /// there is no record), or as nobody when `signedIn` is false.
    /// `others` are more governments stored beside it; `observer` is told of the evaluations the
    /// site computes, `policy` is the one it evaluates under, and `today` gives the day it takes as
    /// today.
    static func with(
        record: CooperationRecord? = nil, demo: Bool = true, others: [CooperationRecord] = [], signedIn: Bool = true,
        security: SecuritySettings? = nil, intake: DocumentIntake = DocumentIntake(pdf: PDFText(program: nil)),
        cacheBytes: Int = Site.defaultCacheBytes, observer: (any CacheObserver)? = nil,
        policy: EvaluationPolicy = .standard, today: @escaping @Sendable () -> CalendarDay = { testToday },
        mail: MailSetup? = nil, apiRateLimit: APIRateLimit = APIRateLimit(),
        _ body: @escaping @Sendable (WebHarness) async throws -> Void
    ) async throws {
        try await TestDatabase.withMigrated { database in
            let stored = try record ?? (demo ? Fixtures.demoRecord() : nil)
            for record in [stored].compactMap({ $0 }) + others {
                try await RecordStore(database: database).importRecord(record, actor: "test", source: "fixture")
            }
            let site = try Site(
                database: database, renderer: try await PageRenderer.bundled(), policy: policy,
                security: security ?? SecuritySettings(passwords: testPasswords), intake: intake,
                cacheBytes: cacheBytes, observer: observer, mail: mail, apiRateLimit: apiRateLimit, today: today)
            try await Application(router: buildRouter(site: site)).test(.router) { client in
                var harness = WebHarness(client: client, database: database)
                if signedIn {
                    harness = try await harness.signedIn(
                        stored == nil ? .admin : .officer, organizationID: stored?.organization.id)
                }
                try await body(harness)
            }
        }
    }

    /// The same site seen by a new account of `role` (created directly in the database).
    func signedIn(
        _ role: Role, organizationID: String?, partnershipID: String? = nil, email: String? = nil
    ) async throws -> WebHarness {
        let accounts = AccountStore(database: database, passwords: testPasswords)
        let address =
            email
            ?? "\(role.rawValue).\(organizationID ?? "all").\(partnershipID ?? "")\(UInt32.random(in: 0...UInt32.max))@test.example"
        let account = try await accounts.create(
            .init(
                email: address, name: "Test \(role.rawValue)", role: role, organizationID: organizationID,
                partnershipID: partnershipID),
            password: "test password 1", oneTime: false, actor: "test")
        return try await signedIn(accountID: account.id)
    }

    /// The same site seen by an existing account.
    func signedIn(accountID: Int) async throws -> WebHarness {
        let sessions = SessionStore(database: database)
        let token = try await sessions.open(accountID: accountID)
        let session = try await sessions.session(token: token)
        var harness = self
        harness.session = ("kembar_session=\(token)", session?.formToken ?? "")
        return harness
    }

    /// The same site seen by the public.
    var anonymous: WebHarness {
        var harness = self
        harness.session = nil
        return harness
    }

    struct Page {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let html: String

        /// What a reader sees: the text without tags, entities decoded, spaces collapsed.
        var text: String { visibleText(html) }
    }

    /// Fetches a page in a language (Indonesian when nil, which is the default), sending `cookie`.
    func get(_ uri: String, language: String? = nil, cookie: String? = nil) async throws -> Page {
        let target = language.map { uri + (uri.contains("?") ? "&" : "?") + "lang=\($0)" } ?? uri
        let cookies = [session?.cookie, cookie].compactMap { $0 }
        let headers: HTTPFields = cookies.isEmpty ? [:] : [.cookie: cookies.joined(separator: "; ")]
        return try await client.execute(uri: target, method: .get, headers: headers) { response in
            Page(status: response.status, headers: response.headers, html: String(buffer: response.body))
        }
    }

    /// Submits a form as a browser does: `application/x-www-form-urlencoded`, fields in order,
    /// with the session's form token unless the fields carry one (or `formToken` is false).
    func post(
        _ uri: String, _ fields: [(String, String)], language: String? = nil, formToken: Bool = true,
        headers extra: HTTPFields = [:]
    ) async throws -> Page {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        headers.append(contentsOf: extra)
        let cookies = [session?.cookie, language.map { "kembar_lang=\($0)" }].compactMap { $0 }
        if !cookies.isEmpty { headers[.cookie] = cookies.joined(separator: "; ") }
        var fields = fields
        if formToken, let session, !fields.contains(where: { $0.0 == "_csrf" }) {
            fields.insert(("_csrf", session.formToken), at: 0)
        }
        let body = fields.map { "\(formEncode($0.0))=\(formEncode($0.1))" }.joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) {
            response in
            Page(status: response.status, headers: response.headers, html: String(buffer: response.body))
        }
    }

    /// Sends a form with a file as a browser does: `multipart/form-data`, with the session's form
    /// token unless the fields carry one.
    func upload(
        _ uri: String, _ fields: [(String, String)], file: (field: String, name: String, bytes: [UInt8])?,
        language: String? = nil
    ) async throws -> Page {
        let boundary = "----KembarTestBoundary\(UInt32.random(in: 0...UInt32.max))"
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        let cookies = [session?.cookie, language.map { "kembar_lang=\($0)" }].compactMap { $0 }
        if !cookies.isEmpty { headers[.cookie] = cookies.joined(separator: "; ") }
        var fields = fields
        if let session, !fields.contains(where: { $0.0 == "_csrf" }) {
            fields.insert(("_csrf", session.formToken), at: 0)
        }
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Array(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                    .utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body)) {
            response in
            Page(status: response.status, headers: response.headers, html: String(buffer: response.body))
        }
    }

    /// The bytes of an answer (a download), with its headers.
    func download(_ uri: String, headers more: HTTPFields = [:]) async throws -> (
        status: HTTPResponse.Status, headers: HTTPFields, bytes: [UInt8]
    ) {
        var headers: HTTPFields = session.map { [.cookie: $0.cookie] } ?? [:]
        headers.append(contentsOf: more)
        return try await client.execute(uri: uri, method: .get, headers: headers) { response in
            (response.status, response.headers, Array(buffer: response.body))
        }
    }

    /// The record as stored now.
    func storedRecord(organizationID: String? = nil) async throws -> CooperationRecord {
        try await RecordStore(database: database).exportRecord(organizationID: organizationID)
    }

    func auditEntries() async throws -> [AuditEntry] {
        try await AuditLog.entries(in: database, organizationID: "bandung")
    }
}

/// Every value of the form's fields as the page shows them: `name` → values of text inputs,
/// selected options, checked boxes and text areas. Posting this back submits the form unchanged.
func formFields(_ html: String) -> [(String, String)] {
    var fields: [(String, String)] = []
    let form = html.firstRange(of: "<form").map { String(html[$0.lowerBound...]) } ?? html
    for match in form.matches(of: /<input ([^>]*)>/) {
        let attributes = String(match.1)
        guard let name = attribute("name", in: attributes) else { continue }
        let type = attribute("type", in: attributes) ?? "text"
        if type == "checkbox" || type == "radio", !attributes.contains(" checked") { continue }
        if type == "submit" { continue }
        fields.append((name, attribute("value", in: attributes) ?? ""))
    }
    for match in form.matches(of: /<select [^>]*name="([^"]*)"[^>]*>(.*?)<\/select>/.dotMatchesNewlines()) {
        let options = String(match.2)
        let selected = options.matches(of: /<option value="([^"]*)" selected>/).first.map { String($0.1) } ?? ""
        fields.append((decodeEntities(String(match.1)), decodeEntities(selected)))
    }
    for match in form.matches(of: /<textarea [^>]*name="([^"]*)"[^>]*>(.*?)<\/textarea>/.dotMatchesNewlines()) {
        fields.append((decodeEntities(String(match.1)), decodeEntities(String(match.2))))
    }
    return fields
}

/// Replaces or adds a field's value.
func setting(_ fields: [(String, String)], _ name: String, _ value: String) -> [(String, String)] {
    fields.contains { $0.0 == name }
        ? fields.map { $0.0 == name ? ($0.0, value) : $0 } : fields + [(name, value)]
}

private func attribute(_ name: String, in attributes: String) -> String? {
    for match in attributes.matches(of: /([a-z-]+)="([^"]*)"/) where match.1 == name {
        return decodeEntities(String(match.2))
    }
    return nil
}

func decodeEntities(_ text: String) -> String {
    var result = text
    for (entity, character) in [
        ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&"),
    ] {
        result = result.replacingOccurrences(of: entity, with: character)
    }
    return result
}

func visibleText(_ html: String) -> String {
    let withoutTags = html.replacing(/<style.*?<\/style>/.dotMatchesNewlines(), with: " ").replacing(
        /<[^>]+>/, with: " ")
    return decodeEntities(withoutTags).split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

private func formEncode(_ text: String) -> String {
    let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._*")
    return (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text).replacingOccurrences(
        of: "%20", with: "+")
}
