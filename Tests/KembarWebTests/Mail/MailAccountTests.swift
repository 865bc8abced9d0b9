import Foundation
import HTTPTypes
import KembarCore
import KembarMail
import KembarStore
import KembarTestSupport
import Logging
import Testing

@testable import KembarWeb

/// Reminders at once, the partner city's liaison's reminders in English, "forgot password" and
/// invitations by mail, and each person's choices.
@Suite(.serialized) struct MailAccountTests {
    /// A partnership whose yearly meeting, held in each city in turn, falls due three days after
    /// the tests' today (29 November 2026).
    static func meetingSoon() -> CooperationRecord {
        var builder = RecordBuilder()
        builder.organization.id = "kota"
        builder.agreement(signed: "2019-12-03")
        builder.yearlyMeeting(from: "2019-12-03")
        return builder.record
    }

    static func deliver(_ site: WebHarness, _ setup: MailSetup) async throws -> (sent: Int, failed: Int) {
        try await MailDelivery(
            outbox: Outbox(database: site.database), client: SMTPClient(server: setup.server),
            logger: Logger(label: "test")
        ).deliverDue()
    }

    static func schedule(_ site: WebHarness, _ setup: MailSetup) async throws -> MailSchedule {
        let web = try Site(
            database: site.database, renderer: try await PageRenderer.bundled(),
            security: SecuritySettings(publicURL: MailDigestTests.publicURL), mail: setup, today: { testToday })
        return MailSchedule(site: web, composer: try #require(try await web.mailComposer()))
    }

    @Test func anObligationFallingDueIsToldAtOnceToTheOfficerAndToThePartnersLiaisonInEnglish() async throws {
        guard await MailSink.isAvailable else { return }
        let record = Self.meetingSoon()
        try await MailSink.with { sink in
            let setup = try MailDigestTests.setup(sink)
            try await WebHarness.with(
                record: record,
                security: SecuritySettings(publicURL: MailDigestTests.publicURL, passwords: testPasswords),
                mail: setup
            ) { site in
                _ = try await site.signedIn(
                    .partner, organizationID: "kota", partnershipID: record.partnerships[0].id,
                    email: "liaison@mitra.example")
                _ = try await site.signedIn(.viewer, organizationID: "kota", email: "viewer@kota.example")
                let schedule = try await Self.schedule(site, setup)
                let written = try await schedule.reminders(dryRun: false)
                // The officer (at once by default) and the liaison; the viewer only weekly.
                #expect(written.written.count == 2)
                #expect(!written.written.contains { $0.recipient == "viewer@kota.example" })
                #expect(try await schedule.reminders(dryRun: false).written.isEmpty)
                #expect(try await Self.deliver(site, setup) == (2, 0))
                let kept = try await sink.messages(waitingFor: 2)
                let liaison = try #require(kept.first { $0.recipients == ["liaison@mitra.example"] })
                #expect(liaison.header("Content-Language") == "en")
                #expect(
                    liaison.header("Subject")?.contains("Joint committee meets yearly, due 2 December 2026") == true)
                #expect(liaison.header("List-Unsubscribe")?.contains("/unsubscribe/") == true)
                let officer = try #require(kept.first { $0.recipients != ["liaison@mitra.example"] })
                #expect(officer.header("Content-Language") == "id")
            }
        }
    }

    @Test func forgotPasswordSendsASingleUseLinkThatEndsOtherSessionsAndSaysTheSameForAnyAddress() async throws {
        guard await MailSink.isAvailable else { return }
        try await MailSink.with { sink in
            let setup = try MailDigestTests.setup(sink)
            try await WebHarness.with(
                security: SecuritySettings(
                    trustForwardedFor: true, publicURL: MailDigestTests.publicURL, passwords: testPasswords),
                mail: setup
            ) { site in
                let person = try await site.signedIn(.officer, organizationID: "bandung", email: "budi@bandung.example")
                #expect(try await person.get("/").status == .ok)
                func ask(_ email: String, from address: String = "192.0.2.7") async throws -> WebHarness.Page {
                    let form = try await site.anonymous.get("/forgot-password")
                    let cookie =
                        form.headers[.setCookie].flatMap { $0.split(separator: ";").first.map(String.init) } ?? ""
                    let token = formFields(form.html).first { $0.0 == "_csrf" }?.1 ?? ""
                    return try await site.anonymous.post(
                        "/forgot-password", [("_csrf", token), ("email", email)], formToken: false,
                        headers: [.cookie: cookie, .init("X-Forwarded-For")!: address])
                }
                let known = try await ask("budi@bandung.example")
                let unknown = try await ask("nobody@bandung.example")
                #expect(known.status == .ok && unknown.status == .ok, "\(known.status) \(known.text.prefix(600))")
                #expect(
                    known.text.replacingOccurrences(of: "budi", with: "nobody")
                        == unknown.text.replacingOccurrences(of: "budi", with: "nobody"))
                #expect(try await Self.deliver(site, setup) == (1, 0))
                let message = try #require(try await sink.messages(waitingFor: 1).first)
                let text = try #require(message.parts.first?.text)
                let link = try #require(
                    text.firstMatch(of: /https:\/\/kembar\.example(\/account\/link\/[A-Za-z0-9_-]+)/))
                let path = String(link.1)
                #expect(try await site.anonymous.get(path).status == .ok)
                let form = try await site.anonymous.get(path)
                let cookie = form.headers[.setCookie].flatMap { $0.split(separator: ";").first.map(String.init) } ?? ""
                let token = formFields(form.html).first { $0.0 == "_csrf" }?.1 ?? ""
                let chosen = try await site.anonymous.post(
                    path, [("_csrf", token), ("new", "a new password 2026"), ("repeat", "a new password 2026")],
                    formToken: false, headers: [.cookie: cookie])
                #expect(chosen.status == .seeOther)
                #expect(chosen.headers[.setCookie]?.hasPrefix("kembar_session=") == true)
                // The session opened before is over; the link works once.
                #expect(try await person.get("/").status != .ok)
                #expect(try await site.anonymous.get(path).status == .notFound)
                let accounts = AccountStore(database: site.database, passwords: testPasswords)
                #expect(
                    try await accounts.verify(email: "budi@bandung.example", password: "a new password 2026") != nil)
                // Asking again and again is throttled like signing in.
                var last = known
                for _ in 0..<12 { last = try await ask("budi@bandung.example", from: "192.0.2.99") }
                #expect(last.status == .tooManyRequests)
            }
        }
    }

    @Test func aNewAccountIsInvitedByMailWithALinkValidThreeDays() async throws {
        guard await MailSink.isAvailable else { return }
        try await MailSink.with { sink in
            let setup = try MailDigestTests.setup(sink)
            try await WebHarness.with(
                security: SecuritySettings(publicURL: MailDigestTests.publicURL, passwords: testPasswords), mail: setup
            ) { site in
                let admin = try await site.signedIn(.admin, organizationID: "bandung")
                let saved = try await admin.post(
                    "/admin/accounts/new",
                    [
                        ("email", "new.officer@bandung.example"), ("name", "Rina Wulandari"), ("role", "officer"),
                        ("organization", "bandung"),
                    ], language: "en")
                #expect(saved.status == .ok)
                #expect(saved.text.contains("An invitation went to new.officer@bandung.example"))
                #expect(try await Self.deliver(site, setup) == (1, 0))
                let message = try #require(try await sink.messages(waitingFor: 1).first)
                #expect(message.header("Subject") == "Akun Anda di Kembar (Pemerintah Kota Bandung)")
                #expect(message.parts[0].text.contains("dalam 72 jam"))
                let log = try await admin.get("/admin/accounts", language: "en")
                #expect(log.text.contains("Mail goes through smtp://127.0.0.1:\(sink.port)"))
                #expect(log.text.contains("new.officer@bandung.example"))
                #expect(log.text.contains("sent "))
            }
        }
    }

    @Test func eachPersonChoosesPerKindAndABadChoiceChangesNothing() async throws {
        try await WebHarness.with { site in
            let page = try await site.get("/account/mail", language: "en")
            #expect(page.status == .ok)
            #expect(page.text.contains("No mail server is set up here yet"))
            let fields = formFields(page.html)
            #expect(fields.contains { $0 == ("obligations", "immediately") })
            #expect(fields.contains { $0 == ("alarms", "weekly") })
            let bad = try await site.post(
                "/account/mail",
                [
                    ("alarms", "hourly"), ("obligations", "off"), ("agreements", "off"), ("decisions", "off"),
                    ("language", "id"),
                ],
                language: "en")
            #expect(bad.status == .unprocessableContent)
            let atOnce = try await site.post(
                "/account/mail",
                [
                    ("alarms", "off"), ("obligations", "off"), ("agreements", "off"), ("decisions", "immediately"),
                    ("language", "id"),
                ])
            #expect(atOnce.status == .unprocessableContent)
            let stillDefault = formFields(try await site.get("/account/mail").html)
            #expect(stillDefault.contains { $0 == ("obligations", "immediately") })
            let good = try await site.post(
                "/account/mail",
                [
                    ("alarms", "off"), ("obligations", "weekly"), ("agreements", "off"), ("decisions", "weekly"),
                    ("language", "en"),
                ],
                language: "en")
            #expect(good.status == .ok && good.text.contains("Saved."))
            let now = formFields(try await site.get("/account/mail").html)
            #expect(now.contains { $0 == ("alarms", "off") } && now.contains { $0 == ("language", "en") })
        }
    }
}
