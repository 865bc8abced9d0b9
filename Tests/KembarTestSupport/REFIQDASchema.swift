import Foundation
import Subprocess
import SystemPackage

/// Checks a REFI-QDA project document against the standard's schema (`spec/refi-qda/Project.xsd`)
/// with `xmllint`. Where xmllint is not installed the check is skipped, unless
/// `KEMBAR_REQUIRE_XMLLINT` is set (CI sets it, so that the check can never silently vanish).
public enum REFIQDASchema {
    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    public static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("spec/refi-qda/Project.xsd")

    public static func validate(_ project: String) async throws {
        let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let xmllint else {
            if ProcessInfo.processInfo.environment["KEMBAR_REQUIRE_XMLLINT"] != nil {
                throw Invalid(description: "xmllint is not installed (apt-get install libxml2-utils)")
            }
            return
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kembar-\(UUID().uuidString).qde")
        try Data(project.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let outcome = try await Subprocess.run(
            .path(FilePath(xmllint)), arguments: ["--noout", "--schema", schema.path, file.path], output: .discarded,
            error: .string(limit: 1024 * 1024))
        guard outcome.terminationStatus.isSuccess else {
            throw Invalid(description: outcome.standardError)
        }
    }
}
