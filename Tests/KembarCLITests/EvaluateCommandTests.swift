import Foundation
import KembarCore
import KembarStore
import KembarTestSupport
import Testing

@Suite struct EvaluateCommandTests {
    private func demoFile() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kembar-evaluate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("bandung.json")
        try Fixtures.demoBytes().write(to: url)
        return url
    }

    @Test func writesTheReferenceCaseAsJSON() async throws {
        let file = try demoFile()
        let outcome = try await KembarProcess.run([
            "evaluate", "--input", file.path, "--as-of", "2022-05-11", "--partnership", "bandung-liuzhou", "--format",
            "json",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try JSONParser.parse(outcome.standardOutput)
        #expect(json.value(at: ["asOf"]) == .string("2022-05-11"))
        let elements: [JSONPathStep] = ["partnerships", 0, "elements"]
        #expect(json.value(at: elements + ["commitment", "status"]) == .string("unmet"))
        #expect(json.value(at: elements + ["community-participation", "status"]) == .string("unmet"))
        #expect(json.value(at: elements + ["mutual-understanding", "status"]) == .string("met"))
        #expect(json.value(at: elements + ["reciprocity", "status"]) == .string("unmet"))
        #expect(json.value(at: elements + ["tangible-results", "status"]) == .string("partial"))
        #expect(json.value(at: ["partnerships", 1]) == nil)
    }

    @Test func printsAScorecardForATerminal() async throws {
        let file = try demoFile()
        let outcome = try await KembarProcess.run([
            "evaluate", "--input", file.path, "--as-of", "2022-05-11", "--format", "text",
        ])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("Bandung – Liuzhou"))
        #expect(outcome.standardOutput.contains("UNMET"))
        #expect(outcome.standardOutput.contains("2011 to 2018: 2557 days"))
    }

    @Test func evaluatesTheDatabaseLikeTheFile() async throws {
        try await TestDatabase.withFresh { database in
            let file = try demoFile()
            #expect(try await KembarProcess.run(["import", file.path], environment: database.environment).status == 0)
            let fromDatabase = try await KembarProcess.run(
                ["evaluate", "--as-of", "2022-05-11"], environment: database.environment)
            let fromFile = try await KembarProcess.run(["evaluate", "--input", file.path, "--as-of", "2022-05-11"])
            #expect(fromDatabase.status == 0, "\(fromDatabase.standardError)")
            #expect(fromDatabase.standardOutput == fromFile.standardOutput)
        }
    }

    @Test func failsClearlyOnBadInput() async throws {
        let file = try demoFile()
        let unknown = try await KembarProcess.run([
            "evaluate", "--input", file.path, "--partnership", "bandung-atlantis",
        ])
        #expect(unknown.status != 0)
        #expect(unknown.standardError.contains("no partnership \"bandung-atlantis\""))
        let date = try await KembarProcess.run(["evaluate", "--input", file.path, "--as-of", "2022-02-30"])
        #expect(date.status != 0)
        #expect(date.standardError.contains("--as-of"))
        let missingPolicy = try await KembarProcess.run([
            "evaluate", "--input", file.path, "--policy", "/nonexistent/policy.json",
        ])
        #expect(missingPolicy.status != 0)
        #expect(missingPolicy.standardError.contains("cannot read the policy"))
        let policy = file.deletingLastPathComponent().appendingPathComponent("policy.json")
        try Data(#"{"name": "x", "dormancyDays": -5}"#.utf8).write(to: policy)
        let badPolicy = try await KembarProcess.run(["evaluate", "--input", file.path, "--policy", policy.path])
        #expect(badPolicy.status != 0)
        #expect(badPolicy.standardError.contains("$.dormancyDays"))
        let badRecord = file.deletingLastPathComponent().appendingPathComponent("bad.json")
        try Data(#"{"format": "kembar/1"}"#.utf8).write(to: badRecord)
        let invalid = try await KembarProcess.run(["evaluate", "--input", badRecord.path])
        #expect(invalid.status != 0)
        #expect(invalid.standardError.contains("$.organization"))
    }

    @Test func usesAndNamesAnotherPolicy() async throws {
        let file = try demoFile()
        let policy = file.deletingLastPathComponent().appendingPathComponent("policy.json")
        try Data(#"{"name": "patient", "dormancyDays": 4000}"#.utf8).write(to: policy)
        let outcome = try await KembarProcess.run([
            "evaluate", "--input", file.path, "--as-of", "2022-05-11", "--policy", policy.path,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try JSONParser.parse(outcome.standardOutput)
        #expect(json.value(at: ["policy", "name"]) == .string("patient"))
        let printed = try await KembarProcess.run(["evaluate", "--print-policy"])
        #expect(Data(printed.standardOutput.utf8) == (try Data(contentsOf: PolicyFile.defaultURL)))
    }
}

enum PolicyFile {
    static var defaultURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("policies/default.json")
    }
}
