import HTTPTypes
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

@testable import KembarWeb

/// A province reads the records of its regencies and cities and changes only its own; another
/// province, or a city, reads nothing of them.
@Suite struct ProvinceAccessTests {
    static func government(_ id: String, _ level: Organization.Level, parent: String? = nil) -> CooperationRecord {
        var record = Fixtures.minimalRecord(organization: id, partnership: "\(id)-mitra")
        record.organization.name = "Pemerintah \(id)"
        record.organization.level = level
        record.organization.parent = parent
        return record
    }

    static func withHierarchy(_ body: @escaping @Sendable (WebHarness) async throws -> Void) async throws {
        var bandung = try Fixtures.demoRecord()
        bandung.organization.level = .city
        bandung.organization.parent = "prov-jabar"
        try await WebHarness.with(
            record: Self.government("prov-jabar", .province),
            others: [
                bandung, Self.government("kota-cimahi", .city, parent: "prov-jabar"),
                Self.government("prov-jateng", .province), Self.government("kota-solo", .city, parent: "prov-jateng"),
            ], signedIn: false, body)
    }

    static let liuzhou = "/partnerships/bandung/bandung-liuzhou"

    @Test func aProvinceReadsItsCitiesRecordsAndChangesOnlyItsOwn() async throws {
        try await Self.withHierarchy { site in
            let viewer = try await site.signedIn(.viewer, organizationID: "prov-jabar")
            #expect(try await viewer.get(Self.liuzhou).status == .ok)
            #expect(try await viewer.get("/history/bandung/bandung-liuzhou").status == .ok)
            #expect(try await viewer.get("/partnerships/kota-cimahi/kota-cimahi-mitra").status == .ok)
            #expect(try await viewer.get("/partnerships/kota-solo/kota-solo-mitra").status == .notFound)
            let portfolio = try await viewer.get("/?organization=bandung")
            #expect(portfolio.text.contains("Liuzhou"))
            #expect(try await viewer.get("/search?q=Liuzhou").text.contains("Liuzhou"))

            let officer = try await site.signedIn(.officer, organizationID: "prov-jabar")
            #expect(try await officer.get("/partnerships/prov-jabar/prov-jabar-mitra/edit").status == .ok)
            #expect(try await officer.get(Self.liuzhou + "/edit").status == .forbidden)
            #expect(try await officer.get(Self.liuzhou + "/activities/new").status == .forbidden)
            #expect(try await officer.get("/reports/bandung/annual/2025.html").status == .ok)
        }
    }

    @Test func aCityOrAnotherProvinceReadsNothingOfAProvince() async throws {
        try await Self.withHierarchy { site in
            let city = try await site.signedIn(.officer, organizationID: "bandung")
            #expect(try await city.get("/partnerships/prov-jabar/prov-jabar-mitra").status == .notFound)
            #expect(try await city.get("/partnerships/kota-cimahi/kota-cimahi-mitra").status == .notFound)
            #expect(try await city.get(Self.liuzhou + "/edit").status == .ok)
            let other = try await site.signedIn(.viewer, organizationID: "prov-jateng")
            #expect(try await other.get(Self.liuzhou).status == .notFound)
            #expect(try await other.get("/partnerships/prov-jabar/prov-jabar-mitra").status == .notFound)
            #expect(try await other.get("/partnerships/kota-solo/kota-solo-mitra").status == .ok)
            #expect(!(try await other.get("/search?q=Liuzhou").text.contains("Kunjungan")))
            let deployment = try await site.signedIn(.admin, organizationID: nil)
            #expect(try await deployment.get(Self.liuzhou).status == .ok)
            #expect(try await deployment.get("/partnerships/kota-solo/kota-solo-mitra").status == .ok)
        }
    }
}
