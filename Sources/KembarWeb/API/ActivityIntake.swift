import Foundation
import Hummingbird
import KembarCore

/// Reads the body of a new activity sent to the API: JSON of at most ``maximumBytes``, one
/// `kembar/1` activity object, checked against the partnership as an import checks it. Every
/// fault is a problem with the JSON pointer of the field at fault; nothing is written.
enum ActivityIntake {
    static let maximumBytes = 256 * 1024

    static func body(_ request: Request) async throws -> JSONValue {
        let type = request.headers[.contentType]?.split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard type == "application/json" else {
            throw Problem(
                status: .unsupportedMediaType, kind: "unsupported-media-type", title: "The body must be JSON",
                detail:
                    "Send the activity as `Content-Type: application/json`, not \(type.map { "`\($0)`" } ?? "no type")."
            )
        }
        var request = request
        let bytes: ByteBuffer
        do {
            bytes = try await request.collectBody(upTo: maximumBytes)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw Problem(
                status: .contentTooLarge, kind: "body-too-large", title: "The body is too large",
                detail: "An activity is at most \(maximumBytes / 1024) KiB of JSON.")
        }
        do {
            return try JSONParser.parse(Array(buffer: bytes))
        } catch {
            throw Problem(
                status: .badRequest, kind: "malformed-json", title: "The body is not JSON", detail: "\(error)")
        }
    }

    /// The activity object of the body, checked on its own as the `index`-th activity of the
    /// partnership would be; a problem with every issue found.
    static func activity(_ value: JSONValue, at index: Int) throws -> Activity {
        guard case .object = value else {
            throw invalid([
                Problem.FieldError(pointer: "", detail: "must be an activity object, not \(value.typeName)")
            ])
        }
        do {
            return try RecordDecoder.activity(value, path: path(index))
        } catch {
            throw problem(error.issues, index: index)
        }
    }

    /// The problem of the issues found with the activity added as the `index`-th of its
    /// partnership: a conflict when it is well-formed but at odds with the partnership as it
    /// stands (an id it already has, a reference to an obligation or document it does not have).
    static func problem(_ issues: [ValidationIssue], index: Int) -> Problem {
        let errors = issues.map { issue in
            Problem.FieldError(pointer: pointer(issue.path, within: path(index)), detail: issue.message)
        }
        if issues.allSatisfy({ $0.kind == .duplicateId || $0.kind == .danglingReference }) {
            return Problem(
                status: .conflict, kind: "conflicts-with-record",
                title: "The activity does not fit the partnership as it stands",
                detail: errors.map { "\($0.pointer): \($0.detail)" }.joined(separator: "; "), errors: errors)
        }
        return invalid(errors)
    }

    private static func path(_ index: Int) -> String {
        "$.partnerships[0].activities[\(index)]"
    }

    static func invalid(_ errors: [Problem.FieldError]) -> Problem {
        Problem(
            status: .unprocessableContent, kind: "invalid-activity", title: "The activity is not valid",
            detail: errors.map { "\($0.pointer.isEmpty ? "body" : $0.pointer): \($0.detail)" }.joined(separator: "; "),
            errors: errors)
    }

    /// `$.partnerships[0].activities[3].participants[0].count` → `/participants/0/count` (RFC 6901);
    /// a path outside the new activity points at the whole body.
    static func pointer(_ path: String, within prefix: String) -> String {
        guard path.hasPrefix(prefix) else { return "" }
        var rest = Substring(path.dropFirst(prefix.count))
        var pointer = ""
        while let first = rest.first {
            if first == "." {
                rest = rest.dropFirst()
                let name = rest.prefix { $0 != "." && $0 != "[" }
                pointer +=
                    "/" + name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
                rest = rest.dropFirst(name.count)
            } else if first == "[", rest.dropFirst().first == "\"" {
                // A key that is not a plain name: `["a key"]`, quotes inside escaped.
                var key = ""
                var characters = rest.dropFirst(2)
                while let character = characters.popFirst() {
                    if character == "\\", let escaped = characters.popFirst() {
                        key.append(escaped)
                    } else if character == "\"" {
                        break
                    } else {
                        key.append(character)
                    }
                }
                pointer += "/" + key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
                rest = characters.dropFirst()  // the closing bracket
            } else if first == "[" {
                let index = rest.dropFirst().prefix { $0 != "]" }
                pointer += "/" + index
                rest = rest.dropFirst(index.count + 2)
            } else {
                break
            }
        }
        return pointer
    }
}
