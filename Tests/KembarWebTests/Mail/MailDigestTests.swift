import Foundation
import HTTPTypes
import KembarCore
import KembarMail
import KembarStore
import KembarTestSupport
import Logging
import Testing

@testable import KembarWeb

/// Mail as people get it, through a real mail server (aiosmtpd): the weekly digest in each
/// person's language, once, with a one-click unsubscribe that works.
@Suite(.serialized) struct MailDigestTests {
    static let publicURL = "https://kembar.example"

    static func setup(_ sink: MailSink) throws -> MailSetup {
        MailSetup(
            server: try SMTPServer(url: "smtp://127.0.0.1:\(sink.port)"),
            from: try MailAddress(parsing: "Kembar Kota Bandung <kerjasama@bandung.example>"))
    }

    static func run(_ site: WebHarness, _ setup: MailSetup, everyone: Bool = false, dryRun: Bool = false) async throws
        -> MailRun.Outcome
    {
        try await MailRun.sendDigests(
            database: site.database, mail: setup, publicURL: publicURL, everyone: everyone, dryRun: dryRun,
            timeZone: TimeZone(identifier: "Asia/Jakarta")!, logger: Logger(label: "test"), today: { testToday })
    }

    @Test func eachPersonGetsOneDigestInTheirLanguageAndOneClickStopsIt() async throws {
        guard await MailSink.isAvailable else { return }
        try await MailSink.with { sink in
            let setup = try Self.setup(sink)
            try await WebHarness.with(
                security: SecuritySettings(publicURL: Self.publicURL, passwords: testPasswords), mail: setup
            ) { site in
                let viewer = try await site.signedIn(.viewer, organizationID: "bandung", email: "siti@bandung.example")
                let accounts = AccountStore(database: site.database, passwords: testPasswords)
                let siti = try #require(try await accounts.account(email: "siti@bandung.example"))
                let settings = MailSettingsStore(database: site.database)
                var chosen = try await settings.settings(of: siti)
                chosen.language = "en"
                try await settings.save(chosen)

                let dry = try await Self.run(site, setup, dryRun: true)
                #expect(dry.digests.count == 2)
                #expect(try await Outbox(database: site.database).log().isEmpty)

                let first = try await Self.run(site, setup)
                #expect(first.digests.count == 2 && first.sent == 2 && first.failed == 0)
                let kept = try await sink.messages(waitingFor: 2)
                let byRecipient = Dictionary(uniqueKeysWithValues: kept.map { ($0.recipients.first ?? "", $0) })
                let english = try #require(byRecipient["siti@bandung.example"])
                #expect(english.header("Content-Language") == "en")
                #expect(english.header("Subject")?.hasSuffix("things to act on this week") == true)
                #expect(english.parts.map(\.type) == ["text/plain", "text/html"])
                #expect(english.parts[0].text.contains("Dear Test viewer,"))
                #expect(english.parts[0].text.contains("Liuzhou: agreed area"))
                #expect(!english.parts[0].text.contains("mou-2006"))
                #expect(english.parts[1].text.contains("<html lang=\"en\">"))
                let officer = try #require(kept.first { $0.recipients.first != "siti@bandung.example" })
                #expect(officer.header("Content-Language") == "id")
                #expect(officer.parts[0].text.hasPrefix("Yth. "))
                #expect(officer.parts[1].text.contains("https://kembar.example/partnerships/bandung/bandung-liuzhou"))

                // A second run, and everyone's now, the same day: nothing new.
                let second = try await Self.run(site, setup)
                #expect(second.digests.isEmpty && second.sent == 0)
                #expect(try await Self.run(site, setup, everyone: true).digests.isEmpty)
                #expect(try sink.messages().count == 2)

                // The one-click link: opening it asks; the mail program's POST stops the digest.
                let link = try #require(english.header("List-Unsubscribe"))
                #expect(english.header("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click")
                let path = String(link.dropFirst(1 + Self.publicURL.count).dropLast())
                #expect(path.hasPrefix("/unsubscribe/"))
                let asked = try await site.anonymous.get(path, language: "en")
                #expect(asked.status == .ok && asked.text.contains("Stop the weekly digest to siti@bandung.example?"))
                let before = try await settings.settings(of: siti)
                #expect(before.frequency(.alarms) == .weekly)
                let stopped = try await site.anonymous.post(
                    path, [("List-Unsubscribe", "One-Click")], language: "en", formToken: false)
                #expect(stopped.status == .ok)
                let after = try await settings.settings(of: siti)
                #expect(MailKind.allCases.allSatisfy { after.frequency($0) == .off })
                // A forged token stops nothing.
                let forged = path.replacingOccurrences(of: "/unsubscribe/\(siti.id).", with: "/unsubscribe/1.")
                #expect(try await site.anonymous.post(forged, [], formToken: false).status == .notFound)
                _ = viewer
            }
        }
    }

    @Test func withoutAMailServerNothingIsSentAndTheAdministratorIsTold() async throws {
        try await WebHarness.with { site in
            let admin = try await site.signedIn(.admin, organizationID: "bandung")
            let page = try await admin.get("/admin/accounts", language: "en")
            #expect(page.text.contains("No mail server is configured: Kembar sends no mail"))
            let forgot = try await site.anonymous.get("/forgot-password", language: "en")
            #expect(forgot.text.contains("Ask your office's administrator for a one-time password"))
            #expect(!forgot.html.contains("name=\"email\""))
        }
    }
}
