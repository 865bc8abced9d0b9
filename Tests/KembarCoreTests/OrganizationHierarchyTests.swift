import Foundation
import KembarCore
import KembarTestSupport
import Testing

/// A government's level, parent and region code in `kembar/1`: optional, read, written, checked.
@Suite struct OrganizationHierarchyTests {
    static func decoded(_ organization: [(String, JSONValue)]) throws(RecordValidationError) -> CooperationRecord {
        var json = try! Fixtures.demoJSON()
        for (key, value) in organization {
            json = json.replacing(["organization", .key(key)], with: value)
        }
        return try RecordDecoder.decode(json)
    }

    @Test func levelParentAndRegionCodeAreReadAndWrittenBack() throws {
        let record = try Self.decoded([
            ("level", .string("city")), ("parent", .string("prov-jabar")), ("regionCode", .string("32.73")),
        ])
        #expect(record.organization.level == .city)
        #expect(record.organization.parent == "prov-jabar")
        #expect(record.organization.regionCode == "32.73")
        let written = String(decoding: RecordEncoder.encode(record), as: UTF8.self)
        #expect(
            written.contains("\"level\": \"city\",\n    \"parent\": \"prov-jabar\",\n    \"regionCode\": \"32.73\""))
        #expect(try RecordDecoder.decode(Array(written.utf8)) == record)
        // Without them the document is as it was: the demonstration's export is unchanged.
        #expect(RecordEncoder.encode(try Fixtures.demoRecord()) == Array(try Fixtures.demoBytes()))
    }

    @Test(arguments: [
        ([("level", JSONValue.string("kelurahan"))], "$.organization.level"),
        ([("regionCode", .string("32-73"))], "$.organization.regionCode"),
        ([("parent", .string("bandung"))], "$.organization.parent"),
        ([("level", .string("national")), ("parent", .string("prov-jabar"))], "$.organization.parent"),
    ])
    func badValuesAreRefusedWithTheirPath(organization: [(String, JSONValue)], path: String) {
        #expect {
            _ = try Self.decoded(organization)
        } throws: { error in
            (error as? RecordValidationError)?.issues.map(\.path) == [path]
        }
    }

    @Test func regionCodesAreWrittenAsTheMinistryWritesThem() {
        #expect(["32", "32.73", "32.73.01", "32.73.01.1001"].allSatisfy(Organization.isRegionCode))
        #expect(!["3", "32.7", "32.73.", "AB", "32.73.01.10"].contains(where: Organization.isRegionCode))
    }
}

/// A synthetic nation has provinces, with its cities and regencies dealt to them.
@Suite struct SyntheticHierarchyTests {
    @Test func aSyntheticNationsGovernmentsBelongToItsProvinces() {
        let nation = (1...30).map {
            SyntheticRecord.Parameters.government($0, of: 30, partnerships: 1, activities: 0, seed: 1)
        }
        let provinces = nation.filter { $0.level == .province }
        #expect(provinces.map(\.organizationID) == ["gov-001", "gov-002", "gov-003"])
        #expect(provinces.allSatisfy { $0.parent == nil })
        let others = nation.filter { $0.level != .province }
        #expect(others.allSatisfy { [.city, .regency].contains($0.level) })
        #expect(Set(others.compactMap(\.parent)) == Set(provinces.map(\.organizationID)))
        #expect(nation.allSatisfy { $0.regionCode.map(Organization.isRegionCode) ?? false })
        #expect(nation[3].regionCode == "11.01")
        let record = SyntheticRecord.make(nation[3])
        #expect(record.organization.parent == "gov-001")
        #expect(record.organization.level == .city)
        #expect(SyntheticRecord.Parameters.government(1, of: 1, partnerships: 1, activities: 0, seed: 1).level == nil)
    }
}
