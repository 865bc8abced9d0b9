/// Writes JSON in the project's canonical layout: two-space indentation, members in the order
/// given, arrays of plain values on one line, non-ASCII text as UTF-8, integers without a
/// fraction. The same value always gives the same bytes, so exported files diff cleanly.
public enum JSONWriter {
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(value, indent: 0, to: &output)
        output.append(0x0A)
        return output
    }

    public static func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    static func write(_ value: JSONValue, indent: Int, to output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): output.append(contentsOf: format(number).utf8)
        case .string(let text): writeString(text, to: &output)
        case .array(let items):
            if items.isEmpty {
                output.append(contentsOf: "[]".utf8)
            } else if items.allSatisfy(\.isScalar) {
                output.append(UInt8(ascii: "["))
                for (position, item) in items.enumerated() {
                    if position > 0 { output.append(contentsOf: ", ".utf8) }
                    write(item, indent: indent, to: &output)
                }
                output.append(UInt8(ascii: "]"))
            } else {
                output.append(UInt8(ascii: "["))
                for (position, item) in items.enumerated() {
                    output.append(contentsOf: position == 0 ? "\n".utf8 : ",\n".utf8)
                    writeIndent(indent + 1, to: &output)
                    write(item, indent: indent + 1, to: &output)
                }
                output.append(0x0A)
                writeIndent(indent, to: &output)
                output.append(UInt8(ascii: "]"))
            }
        case .object(let members):
            if members.isEmpty {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(UInt8(ascii: "{"))
            for (position, member) in members.enumerated() {
                output.append(contentsOf: position == 0 ? "\n".utf8 : ",\n".utf8)
                writeIndent(indent + 1, to: &output)
                writeString(member.key, to: &output)
                output.append(contentsOf: ": ".utf8)
                write(member.value, indent: indent + 1, to: &output)
            }
            output.append(0x0A)
            writeIndent(indent, to: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Integral values print without a fraction; others in Swift's shortest round-trip form.
    static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return "\(number)"
    }

    static func writeIndent(_ level: Int, to output: inout [UInt8]) {
        for _ in 0..<(level * 2) { output.append(0x20) }
    }

    static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
            case 0x0A: output.append(contentsOf: "\\n".utf8)
            case 0x0D: output.append(contentsOf: "\\r".utf8)
            case 0x09: output.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

extension JSONValue {
    fileprivate var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }
}
