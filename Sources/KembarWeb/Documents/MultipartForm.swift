import Foundation
import Hummingbird

/// A `multipart/form-data` body (RFC 7578): the form's fields, and the files sent with it.
struct MultipartForm: Sendable {
    struct File: Sendable {
        /// The name as the browser sent it, without any folders.
        let fileName: String
        let bytes: [UInt8]
    }

    var fields = FormState()
    var files: [String: File] = [:]

    enum Failure: Error {
        case malformed
    }

    /// A form with no fields and no files (what a request that was not multipart carries).
    init() {}

    /// The boundary of a `multipart/form-data` content type, or nil for any other type.
    static func boundary(of contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else {
                continue
            }
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            let unquoted =
                value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2
                ? String(value.dropFirst().dropLast()) : value
            return unquoted.isEmpty || unquoted.count > 70 ? nil : unquoted
        }
        return nil
    }

    init(_ body: ByteBuffer, boundary: String) throws(Failure) {
        let bytes = Array(buffer: body)
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n--\(boundary)".utf8)
        guard bytes.starts(with: delimiter) else { throw .malformed }
        var position = delimiter.count
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if bytes[position...].starts(with: [0x2D, 0x2D]) { return }
            guard bytes[position...].starts(with: [0x0D, 0x0A]) else { throw .malformed }
            position += 2
            guard let headerEnd = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: bytes, from: position) else {
                throw .malformed
            }
            let headers = String(decoding: bytes[position..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let contentEnd = Self.find(separator, in: bytes, from: contentStart) else { throw .malformed }
            let content = Array(bytes[contentStart..<contentEnd])
            try add(headers: headers, content: content)
            position = contentEnd + separator.count
        }
    }

    private mutating func add(headers: String, content: [UInt8]) throws(Failure) {
        guard
            let disposition = headers.split(separator: "\r\n").first(where: {
                $0.lowercased().hasPrefix("content-disposition:")
            })
        else { throw .malformed }
        let parameters = Self.parameters(of: disposition)
        guard let name = parameters["name"] else { throw .malformed }
        if let fileName = parameters["filename"] {
            let base = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
            files[name] = File(fileName: base, bytes: content)
        } else {
            fields[name] = String(decoding: content, as: UTF8.self)
        }
    }

    /// `name="value"` pairs of a Content-Disposition header.
    private static func parameters(of header: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var rest = header[...]
        while let equals = rest.firstIndex(of: "=") {
            let key =
                rest[..<equals].split(separator: ";").last?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            var after = rest[rest.index(after: equals)...]
            var value = ""
            if after.first == "\"" {
                after = after.dropFirst()
                var escaped = false
                var end = after.endIndex
                for index in after.indices {
                    let character = after[index]
                    if escaped {
                        value.append(character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        end = index
                        break
                    } else {
                        value.append(character)
                    }
                }
                rest = end < after.endIndex ? after[after.index(after: end)...] : ""
            } else {
                let end = after.firstIndex(of: ";") ?? after.endIndex
                value = after[..<end].trimmingCharacters(in: .whitespaces)
                rest = after[end...]
            }
            if !key.isEmpty { result[key] = value }
        }
        return result
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
