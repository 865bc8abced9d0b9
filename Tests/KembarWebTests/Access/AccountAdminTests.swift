import Foundation
import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// The administrator's pages: invite, change role, disable, issue a new one-time password.
@Suite struct AccountAdminTests {
    static func oneTimePassword(in page: WebHarness.Page) -> String? {
        page.text.firstMatch(of: /adalah ([A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4})/).map {
            String($0.1)
        }
    }

    @Test func anInvitedPersonSignsInWithTheOneTimePasswordAndMustChooseTheirOwn() async throws {
        try await WebHarness.with(signedIn: false) { site in
            let admin = try await site.signedIn(.admin, organizationID: "bandung")
            let form = try await admin.get("/admin/accounts/new")
            #expect(form.status == .ok)
            let page = try await admin.post(
                "/admin/accounts/new",
                [
                    ("email", "New.Officer@Bandung.go.id"), ("name", "Budi"), ("role", "officer"),
                    ("organization", "bandung"),
                    ("partnership", ""),
                ])
            #expect(page.status == .ok)
            let password = try #require(Self.oneTimePassword(in: page))
            let (signIn, session) = try await SignInTests.signIn(
                site, email: "new.officer@bandung.go.id", password: password)
            #expect(signIn.headers[.location] == "/account/password")
            #expect(session != nil)
            #expect(try await admin.get("/admin/accounts").text.contains("new.officer@bandung.go.id"))
            let entry = try await AuditLog.entries(in: site.database, organizationID: "bandung").first
            #expect(entry?.entity == "account" && entry?.action == "create")
            #expect(entry?.after?.contains(password) == false)
        }
    }

    @Test func badInvitationsAreNamedAndCreateNothing() async throws {
        try await WebHarness.with(signedIn: false) { site in
            let admin = try await site.signedIn(.admin, organizationID: "bandung")
            let accounts = AccountStore(database: site.database, passwords: testPasswords)
            let before = try await accounts.accounts(organizationID: nil).count
            let base = [
                ("email", "x@bandung.go.id"), ("name", ""), ("role", "officer"), ("organization", "bandung"),
                ("partnership", ""),
            ]
            let cases: [(String, String, String)] = [
                ("email", "not an address", "email"), ("email", "<script>@x", "email"), ("role", "superuser", "role"),
                ("role", "partner", "partnership"), ("partnership", "bandung-liuzhou", "partnership"),
                ("organization", "kota-lain", "organization"), ("name", "tab\there", "name"),
            ]
            for (field, value, errorField) in cases {
                let page = try await admin.post("/admin/accounts/new", setting(base, field, value))
                #expect(page.status == .unprocessableContent, "\(field)=\(value)")
                #expect(page.html.contains("id=\"field-\(errorField)-error\""), "\(field)=\(value)")
            }
            #expect(try await accounts.accounts(organizationID: nil).count == before)
        }
    }

    @Test func changingARoleDisablingAndResettingTakeEffectAtOnce() async throws {
        try await WebHarness.with(signedIn: false) { site in
            let admin = try await site.signedIn(.admin, organizationID: "bandung")
            let officer = try await site.signedIn(.officer, organizationID: "bandung", email: "siti@bandung.go.id")
            let account = try #require(
                try await AccountStore(database: site.database).accounts(organizationID: "bandung").first {
                    $0.email == "siti@bandung.go.id"
                })
            let edit = "/admin/accounts/\(account.id)"
            var fields = formFields(try await admin.get(edit).html).filter { $0.0 != "_csrf" }
            fields = setting(fields, "role", "viewer")
            #expect(try await admin.post(edit, fields).status == .seeOther)
            // A change of role ends the sessions: the person signs in again with the new role.
            #expect(try await officer.get("/map").status == .seeOther)
            #expect(try await AccountStore(database: site.database).account(id: account.id)?.role == .viewer)
            // Each change from the form as it is opened after the one before (an older copy of the
            // form would be refused for undoing the change: see anAccountChangedMeanwhileComesBackUnsaved).
            fields = formFields(try await admin.get(edit).html).filter { $0.0 != "_csrf" }
            let reset = try await admin.post(edit, setting(fields, "reset", "yes"))
            let password = try #require(Self.oneTimePassword(in: reset))
            #expect(try await SignInTests.signIn(site, email: "siti@bandung.go.id", password: password).session != nil)
            fields = formFields(try await admin.get(edit).html).filter { $0.0 != "_csrf" }
            #expect(try await admin.post(edit, setting(fields, "disabled", "yes")).status == .seeOther)
            #expect(try await SignInTests.signIn(site, email: "siti@bandung.go.id", password: password).session == nil)
        }
    }

    @Test func anAccountChangedMeanwhileComesBackUnsaved() async throws {
        try await WebHarness.with(signedIn: false) { site in
            let admin = try await site.signedIn(.admin, organizationID: "bandung")
            _ = try await site.signedIn(.officer, organizationID: "bandung", email: "rina@bandung.go.id")
            let accounts = AccountStore(database: site.database)
            let account = try #require(
                try await accounts.accounts(organizationID: "bandung").first { $0.email == "rina@bandung.go.id" })
            let edit = "/admin/accounts/\(account.id)"
            let first = formFields(try await admin.get(edit).html).filter { $0.0 != "_csrf" }
            let second = formFields(try await admin.get(edit).html).filter { $0.0 != "_csrf" }
            #expect(try await admin.post(edit, setting(first, "role", "viewer")).status == .seeOther)
            let refused = try await admin.post(edit, setting(second, "name", "Rina Wulandari"), language: "en")
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("Not saved: someone else saved this record"))
            #expect(refused.text.contains("Last saved by"))
            #expect(refused.html.contains("Saved meanwhile: leadership (read only)"))
            let stored = try #require(try await accounts.account(id: account.id))
            #expect(stored.role == .viewer && stored.name != "Rina Wulandari")
            // Sent again from the refusal, it is saved as it stands there.
            #expect(try await admin.post(edit, formFields(refused.html).filter { $0.0 != "_csrf" }).status == .seeOther)
            let saved = try #require(try await accounts.account(id: account.id))
            #expect(saved.name == "Rina Wulandari" && saved.role == .officer)
        }
    }

    @Test func anAdministratorManagesOnlyItsOwnGovernmentAndNotItself() async throws {
        try await WebHarness.with(signedIn: false) { site in
            try await RecordStore(database: site.database).importRecord(
                Fixtures.minimalRecord(), actor: "test", source: "fixture")
            let admin = try await site.signedIn(.admin, organizationID: "bandung", email: "admin@bandung.go.id")
            _ = try await site.signedIn(.officer, organizationID: "kota-contoh", email: "officer@contoh.go.id")
            _ = try await site.signedIn(.admin, organizationID: nil, email: "ministry@example.go.id")
            let list = try await admin.get("/admin/accounts").text
            #expect(!list.contains("officer@contoh.go.id"))
            #expect(!list.contains("ministry@example.go.id"))
            let others = try await AccountStore(database: site.database).accounts(organizationID: nil).filter {
                $0.email != "admin@bandung.go.id" && $0.organizationID != "bandung"
            }
            for other in others {
                #expect(try await admin.get("/admin/accounts/\(other.id)").status == .notFound, "\(other.email)")
            }
            let me = try #require(
                try await AccountStore(database: site.database).accounts(organizationID: "bandung").first {
                    $0.email == "admin@bandung.go.id"
                })
            let form = formFields(try await admin.get("/admin/accounts/\(me.id)").html).filter { $0.0 != "_csrf" }
            #expect(
                try await admin.post("/admin/accounts/\(me.id)", setting(form, "disabled", "yes")).status
                    == .unprocessableContent)
            #expect(
                try await site.signedIn(.officer, organizationID: "bandung").get("/admin/accounts").status == .forbidden
            )
        }
    }
}
