import Foundation
import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

/// Two people (or two tabs) editing the same record: the second save does not silently undo the
/// first. It comes back unsaved with the person's entries and, beside each field, what the record
/// holds now; saving it again is then a choice.
@Suite struct EditConflictTests {
    static let liuzhou = "/partnerships/bandung/bandung-liuzhou"

    private func officerChanges(_ site: WebHarness) async throws -> Int {
        try await site.auditEntries().filter { $0.actor.hasSuffix("(officer)") }.count
    }

    @Test func aSecondSaveOfAnActivityOpenedBeforeTheFirstComesBackUnsaved() async throws {
        try await WebHarness.with { site in
            let activity = try #require(try Fixtures.demoRecord().partnerships.first { $0.id == "bandung-liuzhou" })
                .activities[0]
            let uri = Self.liuzhou + "/activities/\(activity.id)/edit"
            let first = formFields(try await site.get(uri).html)
            let second = try await site.signedIn(.officer, organizationID: "bandung", email: "second@bandung.example")
            let secondForm = formFields(try await second.get(uri).html)
            #expect(try await site.post(uri, setting(first, "title", "Judul dari tab pertama")).status == .seeOther)
            let changes = try await officerChanges(site)

            let refused = try await second.post(uri, setting(secondForm, "end", "2004-12-31"), language: "en")
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("Not saved: someone else saved this record after you opened the form."))
            #expect(refused.text.contains("Last saved by"))
            // The explanation is read before the fields it explains.
            let explanation = try #require(refused.html.range(of: "Not saved: someone else"))
            let titleNote = try #require(refused.html.range(of: "Title: Saved meanwhile"))
            #expect(explanation.lowerBound < titleNote.lowerBound)
            // Beside the title: what the record holds now; the end date keeps what was typed.
            #expect(refused.html.contains("Saved meanwhile: Judul dari tab pertama"))
            let shown = formFields(refused.html)
            #expect(shown.first { $0.0 == "end" }?.1 == "2004-12-31")
            #expect(shown.first { $0.0 == "title" }?.1 == activity.title)
            #expect(try await officerChanges(site) == changes)
            var stored = try #require(try await site.storedRecord().partnerships.first { $0.id == "bandung-liuzhou" })
            #expect(stored.activities[0].title == "Judul dari tab pertama")
            #expect(stored.activities[0].end == activity.end)

            // Sent again from the refusal, knowing what is saved now: saved.
            let merged = setting(shown, "title", "Judul dari tab pertama")
            #expect(try await second.post(uri, merged).status == .seeOther)
            stored = try #require(try await site.storedRecord().partnerships.first { $0.id == "bandung-liuzhou" })
            #expect(stored.activities[0].title == "Judul dari tab pertama")
            #expect(stored.activities[0].end?.description == "2004-12-31")
        }
    }

    @Test func savingAnotherRecordOfThePartnershipMeanwhileIsNoConflict() async throws {
        try await WebHarness.with { site in
            let record = try #require(try Fixtures.demoRecord().partnerships.first { $0.id == "bandung-liuzhou" })
            let uri = Self.liuzhou + "/activities/\(record.activities[0].id)/edit"
            let opened = formFields(try await site.get(uri).html)
            let other = Self.liuzhou + "/activities/\(record.activities[1].id)/edit"
            let otherForm = formFields(try await site.get(other).html)
            #expect(try await site.post(other, setting(otherForm, "title", "Kegiatan lain")).status == .seeOther)
            #expect(try await site.post(uri, setting(opened, "title", "Kegiatan ini")).status == .seeOther)
            let stored = try #require(try await site.storedRecord().partnerships.first { $0.id == "bandung-liuzhou" })
            #expect(stored.activities[0].title == "Kegiatan ini")
            #expect(stored.activities[1].title == "Kegiatan lain")
        }
    }

    /// Each save reads the partnership inside its own write: eight activities added through the
    /// form at once are all kept, where each used to be added to the partnership as it was read
    /// before the others were written.
    @Test func activitiesAddedThroughTheFormAtOnceAreAllKept() async throws {
        try await WebHarness.with { site in
            let uri = Self.liuzhou + "/activities/new"
            let ids = (1...8).map { "pameran-2027-\($0)" }
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for id in ids {
                    let fields = [
                        ("id", id), ("title", "Pameran \(id)"), ("start", "2027-05-01"), ("kind", "event"),
                        ("public", "yes"), ("save", "yes"),
                    ]
                    group.addTask { try await site.post(uri, fields).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: .seeOther, count: ids.count))
            let stored = try #require(try await site.storedRecord().partnerships.first { $0.id == "bandung-liuzhou" })
            #expect(Set(ids).isSubset(of: Set(stored.activities.map(\.id))))
        }
    }

    @Test func aRecordRenamedMeanwhileCanStillBeSavedAsANewOne() async throws {
        try await WebHarness.with { site in
            let uri = Self.liuzhou + "/obligations/jwg-meeting/edit"
            let opened = formFields(try await site.get(uri).html)
            #expect(try await site.post(uri, setting(opened, "id", "jwg-yearly")).status == .seeOther)
            let changes = try await officerChanges(site)
            let refused = try await site.post(uri, opened, language: "en")
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("is no longer there under its id"))
            #expect(refused.html.contains("action=\"\(Self.liuzhou)/obligations/new\""))
            #expect(!formFields(refused.html).contains { $0.0 == "basis" })
            #expect(try await officerChanges(site) == changes)
        }
    }

    @Test func aPartnerChangedMeanwhileComesBackUnsaved() async throws {
        try await WebHarness.with { site in
            let uri = "/partners/bandung/cn-liuzhou/edit"
            let first = formFields(try await site.get(uri).html)
            let second = formFields(try await site.get(uri).html)
            #expect(
                try await site.post(uri, setting(first, "name", "Kota Liuzhou") + [("save", "yes")]).status == .seeOther
            )
            let changes = try await officerChanges(site)
            let refused = try await site.post(uri, setting(second, "wikidata", "Q1000") + [("save", "yes")])
            #expect(refused.status == .conflict)
            #expect(refused.html.contains("Tersimpan sementara itu: Kota Liuzhou"))
            #expect(try await officerChanges(site) == changes)
            let again = formFields(refused.html)
            #expect(try await site.post(uri, again + [("save", "yes")]).status == .seeOther)
            #expect(
                try await site.storedRecord().partnerships.first { $0.id == "bandung-liuzhou" }?.partner.wikidata
                    == "Q1000")
        }
    }

    @Test func aPartnershipChangedMeanwhileComesBackUnsaved() async throws {
        try await WebHarness.with { site in
            let uri = Self.liuzhou + "/edit"
            let first = formFields(try await site.get(uri).html)
            let second = formFields(try await site.get(uri).html)
            #expect(
                try await site.post(uri, setting(first, "kind", "sister-province") + [("save", "yes")]).status
                    == .seeOther)
            let changes = try await officerChanges(site)
            let refused = try await site.post(uri, setting(second, "kind", "other") + [("save", "yes")])
            #expect(refused.status == .conflict)
            #expect(refused.html.contains("id=\"field-kind-error\""))
            #expect(try await officerChanges(site) == changes)
            #expect(
                try await site.storedRecord().partnerships.first { $0.id == "bandung-liuzhou" }?.kind == .sisterProvince
            )
        }
    }

    @Test func aDocumentDescribedMeanwhileComesBackUnsaved() async throws {
        try await WebHarness.with { site in
            let uri = Self.liuzhou + "/documents/saraswati-2022/edit"
            let first = formFields(try await site.get(uri).html)
            let second = formFields(try await site.get(uri).html)
            #expect(try await site.post(uri, setting(first, "title", "Laporan Saraswati")).status == .seeOther)
            let changes = try await officerChanges(site)
            let refused = try await site.post(uri, setting(second, "source", "Arsip kantor"))
            #expect(refused.status == .conflict)
            #expect(refused.html.contains("Tersimpan sementara itu: Laporan Saraswati"))
            #expect(try await officerChanges(site) == changes)
            let stored = try #require(try await site.storedRecord().partnerships.first { $0.id == "bandung-liuzhou" })
            #expect(stored.documents.first { $0.id == "saraswati-2022" }?.source != "Arsip kantor")
        }
    }

    /// Asking for more rows keeps the fingerprint of the record the form was first opened on.
    @Test func moreRowsKeepWhatTheFormWasOpenedOn() async throws {
        try await WebHarness.with { site in
            let uri = Self.liuzhou + "/activities/kunjungan-liuzhou-2004/edit"
            let opened = formFields(try await site.get(uri).html)
            let basis = try #require(opened.first { $0.0 == "basis" }?.1)
            let other = formFields(try await site.get(uri).html)
            #expect(try await site.post(uri, setting(other, "title", "Judul lain")).status == .seeOther)
            let more = try await site.post(uri, opened + [("more", "participants")])
            #expect(more.status == .ok)
            let kept = formFields(more.html)
            #expect(kept.first { $0.0 == "basis" }?.1 == basis)
            #expect(try await site.post(uri, kept.filter { $0.0 != "more" }).status == .conflict)
        }
    }

    /// A script that sends an edit form without the fingerprint is not checked.
    @Test func anEditSentWithoutItsFingerprintIsSaved() async throws {
        try await WebHarness.with { site in
            let uri = Self.liuzhou + "/obligations/jwg-meeting/edit"
            let fields = formFields(try await site.get(uri).html).filter { $0.0 != "basis" }
            #expect(try await site.post(uri, setting(fields, "title", "Rapat tahunan")).status == .seeOther)
        }
    }
}
