import KembarCore
import KembarStore

/// The checks a form makes before saving: the whole partnership as an import would check it,
/// on its typed values (the store checks again inside its write, as the last guard).
enum RecordCheck {
    /// What is wrong with the partnership, in one line; nil when it may be saved.
    static func problems(_ partnership: Partnership) -> String? {
        let issues = RecordValidator.issues(of: partnership)
        return issues.isEmpty ? nil : describe(issues)
    }

    static func describe(_ issues: [ValidationIssue]) -> String {
        issues.map(\.description).joined(separator: "; ")
    }

    /// A partnership with an activity added from its stored `kembar/1` JSON, read and checked as
    /// an import would: the activity must still fit the partnership as it is now.
    static func adding(activityJSON: String, to partnership: Partnership) throws(RecordCheckError)
        -> (partnership: Partnership, activity: Activity)
    {
        let path = "$.partnerships[0].activities[\(partnership.activities.count)]"
        do {
            let activity = try RecordDecoder.activity(try JSONParser.parse(activityJSON), path: path)
            var updated = partnership
            updated.activities.append(activity)
            if let problem = problems(updated) { throw RecordCheckError.invalid(problem) }
            return (updated, activity)
        } catch let error as RecordCheckError {
            throw error
        } catch let error as RecordValidationError {
            throw .invalid(describe(error.issues))
        } catch {
            throw .invalid("\(error)")
        }
    }
}

enum RecordCheckError: Error {
    case invalid(String)
}
