import Foundation
import KembarCore
import KembarTestSupport
import Testing

@Suite struct PolicyTests {
    static var defaultFile: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("policies/default.json")
    }

    private func decode(_ text: String) throws(RecordValidationError) -> EvaluationPolicy {
        try PolicyCodec.decode(Data(text.utf8))
    }

    private func issues(_ text: String) -> [ValidationIssue] {
        do {
            _ = try decode(text)
            return []
        } catch {
            return error.issues
        }
    }

    @Test func theShippedDefaultFileIsTheBuiltInPolicy() throws {
        let data = try Data(contentsOf: Self.defaultFile)
        #expect(try PolicyCodec.decode(data) == EvaluationPolicy.standard)
        #expect(JSONWriter.bytes(PolicyCodec.value(.standard)) == Array(data))
    }

    @Test func aFileNeedOnlyStateWhatItChanges() throws {
        let policy = try decode(
            #"{"name": "strict", "dormancyDays": 180, "weights": {"C5": 0}, "bands": {"met": 0.8}}"#)
        #expect(policy.name == "strict")
        #expect(policy.dormancyDays == 180)
        #expect(policy.weights[.c5] == 0)
        #expect(policy.weights[.c1] == 1)
        #expect(policy.metFrom == 0.8)
        #expect(policy.partialFrom == 0.34)
        #expect(policy.windowYears == 3)
    }

    @Test func reportsEveryProblemWithItsPath() {
        let found = issues(
            #"{"name": "x", "windwoYears": 2, "weights": {"C9": 1, "C1": -1}, "bands": {"met": 0.3, "partial": 0.5}, "dormancyDays": 0}"#
        )
        let paths = Set(found.map(\.path))
        #expect(paths.contains("$.windwoYears"))
        #expect(paths.contains("$.weights.C9"))
        #expect(paths.contains("$.weights.C1"))
        #expect(paths.contains("$.bands.partial"))
        #expect(paths.contains("$.dormancyDays"))
        #expect(found.first { $0.path == "$.windwoYears" }?.message.contains("windowYears") == true)
        #expect(issues(#"{"dormancyDays": 10}"#).map(\.path) == ["$.name"])
        #expect(issues(#"{"name": "x", "weights": {"P1": 0, "P2": 0, "P3": 0}}"#).map(\.path) == ["$.weights"])
        #expect(issues("{name").first?.kind == .syntax)
    }

    @Test func changesTheEvaluationAndIsNamedInIt() throws {
        let record = try Fixtures.demoRecord()
        let asOf = RecordBuilder.day("2022-05-11")
        var patient = EvaluationPolicy.standard
        patient.name = "patient"
        patient.dormancyDays = 3000
        patient.windowYears = 20
        let evaluation = try Evaluator.evaluate(
            record, asOf: asOf, policy: patient, partnershipIDs: ["bandung-liuzhou"])
        let liuzhou = evaluation.partnerships[0]
        #expect(liuzhou.vacuums.isEmpty)
        #expect(
            liuzhou.elements[.commitment]?.indicators.first?.explanation.contains(
                "0 of 16 obligation occurrences due in the last 20 years") == true)
        let json = try JSONParser.parse(EvaluationEncoder.encode(evaluation))
        #expect(json.value(at: ["policy", "name"]) == .string("patient"))
        #expect(json.value(at: ["policy", "dormancyDays"]) == .number(3000))
    }
}
