import ArgumentParser
import Foundation
import KembarCore

/// Reads and validates a kembar/1 file named on the command line, printing every problem found.
enum RecordInput {
    /// - Parameter consequence: what the failure means for the command, said after the error count.
    static func read(_ file: String, consequence: String = "nothing was written") throws -> CooperationRecord {
        let bytes: Data
        if file == "-" {
            bytes = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            do {
                bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw CommandFailure("cannot read \(file): \((error as NSError).localizedDescription)")
            }
        }
        do throws(RecordValidationError) {
            return try RecordDecoder.decode(bytes)
        } catch {
            let noun = error.issues.count == 1 ? "error" : "errors"
            CommandSupport.printError(
                "kembar: \(file) is not a valid kembar/1 document (\(error.issues.count) \(noun)); \(consequence)")
            for issue in error.issues { CommandSupport.printError("  \(issue)") }
            throw ExitCode.failure
        }
    }
}
