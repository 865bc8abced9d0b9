import Foundation
import HTTPTypes
import KembarCore
import KembarTestSupport
import KembarWeb
import Testing

/// The calendar feeds (private behind a calendar token, and the public's) and the partners as GeoJSON.
@Suite struct FeedsTests {
    /// A government with two partnerships, a meeting due every year, an agreement running out next
    /// summer, and activities to come, one of them not published.
    static func record() -> CooperationRecord {
        var builder = RecordBuilder()
        builder.agreement(signed: "2020-01-15", until: "2027-06-30")
        builder.yearlyMeeting(from: "2021")
        builder.activity("festival", "2027-02-10")
        builder.activity("delegation", "2027-03-05", isPublic: false)
        var record = builder.record
        var second = RecordBuilder()
        second.partnership = Partnership(
            id: "contoh-kedua", kind: .sisterCity,
            partner: Partner(
                name: "Kedua", country: "KR", kind: .city, coordinate: Coordinate(latitude: 37.5, longitude: 127.0)))
        second.agreement(signed: "2019")
        second.activity("exchange", "2027-01-20")
        record.partnerships.append(second.partnership)
        return record
    }

    static func token(_ site: WebHarness, _ purpose: String) async throws -> String {
        let page = try await site.post("/account/tokens", [("name", "feed"), ("purpose", purpose)])
        return try #require(TokensPageTests.secret(in: page.html))
    }

    @Test func aCalendarTokenOpensTheGovernmentsCalendar() async throws {
        try await WebHarness.with(record: Self.record()) { site in
            let secret = try await Self.token(site, "calendar")
            let feed = try await site.anonymous.get("/feeds/\(secret)/kota/calendar.ics")
            #expect(feed.status == .ok)
            #expect(feed.headers[.contentType] == "text/calendar; charset=utf-8")
            let text = feed.html.replacingOccurrences(of: "\r\n ", with: "")
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n"))
            #expect(text.contains("UID:obligation-contoh-mitra-meeting-2026-12-31@kembar"))
            #expect(text.contains("UID:agreement-contoh-mitra-mou-expiry@kembar"))
            #expect(text.contains("DTSTART;VALUE=DATE:20270630"))
            for id in ["festival", "delegation"] { #expect(text.contains("UID:activity-contoh-mitra-\(id)@kembar")) }
            #expect(text.contains("UID:activity-contoh-kedua-exchange@kembar"))
            #expect(text.contains("SUMMARY:Mitra: Joint committee meets yearly — jatuh tempo"))
            #expect(text.contains("URL:http://localhost/partnerships/kota/contoh-mitra"))
            let english = try await site.anonymous.get("/feeds/\(secret)/kota/calendar.ics?lang=en")
            #expect(english.html.contains("SUMMARY:Mitra: Joint committee meets yearly — due"))
            // One partnership's feed holds only its own.
            let one = try await site.anonymous.get("/feeds/\(secret)/kota/contoh-kedua/calendar.ics")
            #expect(one.status == .ok)
            #expect(one.html.contains("activity-contoh-kedua-exchange"))
            #expect(!one.html.contains("contoh-mitra"))
        }
    }

    @Test func theWrongTokenOpensNoCalendar() async throws {
        try await WebHarness.with(record: Self.record()) { site in
            let api = try await Self.token(site, "api")
            #expect(try await site.anonymous.get("/feeds/\(api)/kota/calendar.ics").status == .notFound)
            let made = "kembar_" + String(repeating: "x", count: 43)
            let unknown = try await site.anonymous.get("/feeds/\(made)/kota/calendar.ics")
            #expect(unknown.status == .notFound)
            #expect(unknown.headers[.contentType] == "text/plain; charset=utf-8")
            let secret = try await Self.token(site, "calendar")
            #expect(try await site.anonymous.get("/feeds/\(secret)/elsewhere/calendar.ics").status == .notFound)
            #expect(try await site.anonymous.get("/feeds/\(secret)/kota/none/calendar.ics").status == .notFound)
        }
    }

    @Test func aPartnersLiaisonReadsOnlyItsOwnPartnershipsCalendar() async throws {
        try await WebHarness.with(record: Self.record(), signedIn: false) { site in
            let liaison = try await site.signedIn(.partner, organizationID: "kota", partnershipID: "contoh-kedua")
            let made = try await liaison.post("/account/tokens", [("name", "feed"), ("purpose", "calendar")])
            let secret = try #require(TokensPageTests.secret(in: made.html))
            #expect(made.html.contains("/feeds/\(secret)/kota/contoh-kedua/calendar.ics"))
            #expect(!made.html.contains("/feeds/\(secret)/kota/calendar.ics"))
            #expect(try await site.get("/feeds/\(secret)/kota/contoh-kedua/calendar.ics").status == .ok)
            #expect(try await site.get("/feeds/\(secret)/kota/contoh-mitra/calendar.ics").status == .notFound)
            #expect(try await site.get("/feeds/\(secret)/kota/calendar.ics").status == .notFound)
        }
    }

    @Test func thePublicsCalendarHoldsPublishedActivitiesOnly() async throws {
        try await WebHarness.with(record: Self.record(), signedIn: false) { site in
            let feed = try await site.get("/public/kota/calendar.ics")
            #expect(feed.status == .ok)
            #expect(feed.html.contains("activity-contoh-mitra-festival"))
            #expect(feed.html.contains("activity-contoh-kedua-exchange"))
            #expect(!feed.html.contains("delegation"))
            #expect(!feed.html.contains("obligation-"))
            #expect(!feed.html.contains("agreement-"))
            #expect(feed.html.contains("URL:http://localhost/public/kota/partnerships/contoh-mitra"))
            #expect(try await site.get("/public/elsewhere/calendar.ics").status == .notFound)
        }
    }

    /// Behind a proxy, `--public-url` is where the links lead, whatever Host a request names.
    @Test func theLinksLeadToThePublicURLWhenOneIsSet() async throws {
        let security = SecuritySettings(publicURL: "https://kerjasama.example.go.id", passwords: testPasswords)
        try await WebHarness.with(record: Self.record(), security: security) { site in
            let feed = try await site.anonymous.get("/public/kota/calendar.ics")
            #expect(feed.html.contains("URL:https://kerjasama.example.go.id/public/kota/partnerships/contoh-mitra"))
            #expect(!feed.html.contains("localhost"))
            let made = try await site.post("/account/tokens", [("name", "kalender"), ("purpose", "calendar")])
            let secret = try #require(TokensPageTests.secret(in: made.html))
            #expect(made.html.contains("https://kerjasama.example.go.id/feeds/\(secret)/kota/calendar.ics"))
            let privateFeed = try await site.anonymous.get("/feeds/\(secret)/kota/calendar.ics")
            #expect(privateFeed.html.contains("URL:https://kerjasama.example.go.id/partnerships/kota/contoh-mitra"))
        }
    }

    @Test func thePartnersAreGeoJSON() async throws {
        try await WebHarness.with(signedIn: false) { site in
            let (status, headers, bytes) = try await site.download("/public/bandung/partners.geojson")
            #expect(status == .ok)
            #expect(headers[.contentType] == "application/geo+json")
            let json = try JSONParser.parse(Data(bytes))
            #expect(json.value(at: ["type"]) == .string("FeatureCollection"))
            let record = try Fixtures.demoRecord()
            guard case .array(let features) = json.value(at: ["features"]) else {
                Issue.record("no features")
                return
            }
            #expect(features.count == record.partnerships.count + 1)
            #expect(json.value(at: ["features", 0, "properties", "role"]) == .string("home"))
            let liuzhou = try #require(
                features.first { $0.value(at: ["properties", "partnership"]) == .string("bandung-liuzhou") })
            #expect(liuzhou.value(at: ["properties", "category"]) == .string("ksdpl"))
            #expect(liuzhou.value(at: ["properties", "nativeName"]) == .string("柳州市"))
            let partner = record.partnerships.first { $0.id == "bandung-liuzhou" }!.partner
            // GeoJSON orders a position longitude first.
            #expect(
                liuzhou.value(at: ["geometry", "coordinates"])
                    == .array([.number(partner.coordinate!.longitude), .number(partner.coordinate!.latitude)]))
            #expect(try await site.download("/public/elsewhere/partners.geojson").status == .notFound)
        }
    }
}
