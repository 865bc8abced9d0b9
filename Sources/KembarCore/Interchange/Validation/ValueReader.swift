/// Checks single JSON values against what a field expects, recording an issue when they fail.
enum ValueReader {
    static func string(_ value: JSONValue, path: String, kind: TextKind, log: IssueLog) -> String? {
        guard case .string(let text) = value else {
            log.add(path, .wrongType, "expected a string, found \(value.typeName)")
            return nil
        }
        if let problem = FieldRules.textProblem(text, kind: kind) {
            log.add(path, problem.kind, problem.message)
            return nil
        }
        return text
    }

    static func enumeration<T: RawRepresentable & CaseIterable>(_ value: JSONValue, path: String, log: IssueLog) -> T?
    where T.RawValue == String {
        guard case .string(let text) = value else {
            log.add(path, .wrongType, "expected a string, found \(value.typeName)")
            return nil
        }
        guard let decoded = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            log.add(path, .invalidValue, "\"\(text)\" is not one of: \(allowed)")
            return nil
        }
        return decoded
    }

    static func date(_ value: JSONValue, path: String, log: IssueLog) -> PartialDate? {
        guard case .string(let text) = value else {
            log.add(
                path, .wrongType,
                "expected a date string such as \"2009\", \"2009-10\" or \"2009-10-05\", found \(value.typeName)")
            return nil
        }
        do {
            return try PartialDate(parsing: text)
        } catch {
            switch error {
            case .malformed:
                log.add(
                    path, .malformedDate,
                    "\"\(text)\" is not a date; use YYYY, YYYY-MM, YYYY-MM-DD or a range such as [2006-09..2010]")
            case .impossible:
                log.add(path, .impossibleDate, "\"\(text)\" is not a real calendar date")
            case .reversedRange:
                log.add(path, .endBeforeStart, "in the range \"\(text)\" the first date is after the second")
            }
        }
        return nil
    }

    static func count(_ value: JSONValue, path: String, log: IssueLog) -> Int? {
        guard case .number(let number) = value else {
            log.add(path, .wrongType, "expected a whole number, found \(value.typeName)")
            return nil
        }
        guard number == number.rounded(), abs(number) < 1e15 else {
            log.add(path, .notAnInteger, "expected a whole number, found \(JSONWriter.format(number))")
            return nil
        }
        guard number >= 0 else {
            log.add(path, .negativeNumber, "must not be negative, found \(JSONWriter.format(number))")
            return nil
        }
        return Int(number)
    }

    static func number(_ value: JSONValue, path: String, range: ClosedRange<Double>?, log: IssueLog) -> Double? {
        guard case .number(let number) = value else {
            log.add(path, .wrongType, "expected a number, found \(value.typeName)")
            return nil
        }
        if let range, let problem = FieldRules.numberProblem(number, range: range) {
            log.add(path, problem.kind, problem.message)
            return nil
        }
        return number
    }
}
