import Foundation
import KembarCore

/// Reads the evaluation policy a command is given with `--policy FILE`, or the built-in one.
enum PolicyInput {
    static func read(_ path: String?) throws -> EvaluationPolicy {
        guard let path else { return .standard }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure("cannot read the policy \(path): \((error as NSError).localizedDescription)")
        }
        do throws(RecordValidationError) {
            return try PolicyCodec.decode(data)
        } catch {
            throw CommandFailure(
                "\(path) is not a valid kembar-policy/1 file:\n"
                    + error.issues.map { "  \($0)" }.joined(separator: "\n"))
        }
    }
}
