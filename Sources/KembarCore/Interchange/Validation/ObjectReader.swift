import Foundation

/// Reads the members of one JSON object, recording an issue for every member that is unknown,
/// repeated, missing or of the wrong type or value. Accessors return nil after recording.
struct ObjectReader {
    let path: String
    private let members: [JSONValue.Member]
    let log: IssueLog

    /// Nil (with an issue recorded) when `value` is not an object.
    init?(_ value: JSONValue, path: String, fields: [String], log: IssueLog) {
        guard case .object(let members) = value else {
            log.add(path, .wrongType, "expected an object, found \(value.typeName)")
            return nil
        }
        self.path = path
        self.members = members
        self.log = log
        var seen: Set<String> = []
        for member in members {
            if !seen.insert(member.key).inserted {
                log.add(childPath(member.key), .duplicateField, "field \"\(member.key)\" appears more than once")
            } else if !fields.contains(member.key) {
                log.add(childPath(member.key), .unknownField, ObjectReader.unknownFieldMessage(member.key, fields))
            }
        }
    }

    func childPath(_ key: String) -> String {
        let isPlain =
            !key.isEmpty
            && key.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x5F
            }
        if isPlain { return path + "." + key }
        return path + "[\"" + key.replacingOccurrences(of: "\"", with: "\\\"") + "\"]"
    }

    /// The member's value; nil (and, if required, a missing-field issue) when absent or null.
    func value(_ key: String, required: Bool) -> JSONValue? {
        let found = members.first(where: { $0.key == key })?.value
        switch found {
        case .none, .some(.null):
            if required { log.add(childPath(key), .missingField, "required field \"\(key)\" is missing") }
            return nil
        case .some(let value):
            return value
        }
    }

    func string(_ key: String, required: Bool = true, kind: TextKind = .text) -> String? {
        guard let value = value(key, required: required) else { return nil }
        return ValueReader.string(value, path: childPath(key), kind: kind, log: log)
    }

    func identifier(_ key: String, required: Bool = true) -> String? {
        string(key, required: required, kind: .identifier)
    }

    func enumeration<T: RawRepresentable & CaseIterable>(_ key: String, required: Bool = true) -> T?
    where T.RawValue == String {
        guard let value = value(key, required: required) else { return nil }
        return ValueReader.enumeration(value, path: childPath(key), log: log)
    }

    func date(_ key: String, required: Bool = true) -> PartialDate? {
        guard let value = value(key, required: required) else { return nil }
        return ValueReader.date(value, path: childPath(key), log: log)
    }

    func count(_ key: String, required: Bool = false) -> Int? {
        guard let value = value(key, required: required) else { return nil }
        return ValueReader.count(value, path: childPath(key), log: log)
    }

    func number(_ key: String, required: Bool = true, range: ClosedRange<Double>? = nil) -> Double? {
        guard let value = value(key, required: required) else { return nil }
        return ValueReader.number(value, path: childPath(key), range: range, log: log)
    }

    func bool(_ key: String, required: Bool = true) -> Bool? {
        guard let value = value(key, required: required) else { return nil }
        guard case .bool(let flag) = value else {
            log.add(childPath(key), .wrongType, "expected true or false, found \(value.typeName)")
            return nil
        }
        return flag
    }

    /// Reads each element of an array member with `read`, which gets the element and its path.
    /// Returns nil for a missing or mistyped array; elements that fail are left out of the result.
    func array<T>(_ key: String, required: Bool = true, _ read: (JSONValue, String) -> T?) -> [T]? {
        indexedArray(key, required: required, read)?.map(\.value)
    }

    /// Like ``array(_:required:_:)``, keeping each element's position in the document so that
    /// later checks can name the right path even when earlier elements failed.
    func indexedArray<T>(_ key: String, required: Bool = true, _ read: (JSONValue, String) -> T?)
        -> [(index: Int, value: T)]?
    {
        guard let value = value(key, required: required) else { return nil }
        let arrayPath = childPath(key)
        guard case .array(let items) = value else {
            log.add(arrayPath, .wrongType, "expected an array, found \(value.typeName)")
            return nil
        }
        var result: [(index: Int, value: T)] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            if let decoded = read(item, arrayPath + "[\(index)]") { result.append((index, decoded)) }
        }
        return result
    }

    func object(_ key: String, required: Bool = true, fields: [String]) -> ObjectReader? {
        guard let value = value(key, required: required) else { return nil }
        return ObjectReader(value, path: childPath(key), fields: fields, log: log)
    }

    private static func unknownFieldMessage(_ key: String, _ fields: [String]) -> String {
        var message = "unknown field \"\(key)\""
        if let suggestion = fields.min(by: { editDistance($0, key) < editDistance($1, key) }),
            editDistance(suggestion, key) <= max(2, key.count / 3)
        {
            message += " (did you mean \"\(suggestion)\"?)"
        }
        return message + "; allowed here: " + fields.joined(separator: ", ")
    }

    private static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs.lowercased())
        let right = Array(rhs.lowercased())
        var previous = Array(0...right.count)
        for (row, leftCharacter) in left.enumerated() {
            var current = [row + 1]
            for (column, rightCharacter) in right.enumerated() {
                let substitution = previous[column] + (leftCharacter == rightCharacter ? 0 : 1)
                current.append(min(substitution, previous[column + 1] + 1, current[column] + 1))
            }
            previous = current
        }
        return previous[right.count]
    }
}

/// What a string member is allowed to contain.
enum TextKind {
    /// Free text; line breaks and tabs allowed.
    case text
    /// Free text that may be empty (notes, descriptions).
    case optionalText
    /// A single-line reference name: not empty, no surrounding spaces, no line breaks.
    case identifier
}
