import Foundation
import Hummingbird
import MultipartKit

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

    /// Reads the body with multipart-kit's parser; a body that does not end with its closing
    /// delimiter (cut short, or not multipart at all) is malformed, as is a part with no name.
    init(_ body: ByteBuffer, boundary: String) throws(Failure) {
        let parser = MultipartParser(boundary: boundary)
        var parts: [(headers: [(String, String)], content: ByteBuffer)] = []
        var headers: [(String, String)] = []
        var content = ByteBuffer()
        parser.onHeader = { name, value in headers.append((name, value)) }
        parser.onBody = { chunk in content.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append((headers, content))
            headers = []
            content = ByteBuffer()
        }
        // multipart-kit traps (ends the process) on a header name byte above 127: such a body is
        // refused before it is parsed (found by Fuzz/FuzzMultipart).
        guard MultipartHeaderNames.areASCII(body.readableBytesView, boundary: boundary) else { throw .malformed }
        do {
            try parser.execute(body)
        } catch {
            throw .malformed
        }
        let closing = Array("--\(boundary)--".utf8)
        guard body.readableBytesView.firstRange(of: closing) != nil else { throw .malformed }
        for part in parts {
            guard
                let disposition = part.headers.first(where: { $0.0.lowercased() == "content-disposition" })?.1
            else { throw .malformed }
            try add(disposition: Substring(disposition), content: Array(buffer: part.content))
        }
    }

    private mutating func add(disposition: Substring, content: [UInt8]) throws(Failure) {
        let parameters = Self.parameters(of: disposition)
        guard let name = parameters["name"] else { throw .malformed }
        // RFC 6266: `filename*` (RFC 8187, any language's letters) wins over the plain `filename`.
        if let fileName = parameters["filename*"].flatMap(Self.extendedValue) ?? parameters["filename"] {
            let base = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
            files[name] = File(fileName: base, bytes: content)
        } else {
            fields[name] = String(decoding: content, as: UTF8.self)
        }
    }

    /// The text of an RFC 8187 value, `UTF-8''%E2%82%AC%20rates.pdf`; nil for another charset or
    /// a broken escape.
    static func extendedValue(_ value: String) -> String? {
        let parts = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].lowercased() == "utf-8" else { return nil }
        return String(parts[2]).removingPercentEncoding
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
}
