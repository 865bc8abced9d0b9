/// Whether every header name of a multipart body is ASCII, as multipart-kit's parser needs: it
/// looks each byte of a name up in a table of 128 and traps on any byte above. Checked after
/// every `--boundary` followed by CRLF, wherever it stands (a superset of where the parser finds
/// headers): each line up to the blank one that ends the part's headers, up to its first colon.
enum MultipartHeaderNames {
    static func areASCII(_ body: [UInt8], boundary: String) -> Bool {
        let delimiter = Array("--\(boundary)".utf8)
        guard !delimiter.isEmpty, body.count >= delimiter.count else { return true }
        var start = 0
        while let found = firstIndex(of: delimiter, in: body, from: start) {
            var index = found + delimiter.count
            start = found + 1
            guard index + 1 < body.count, body[index] == 13, body[index + 1] == 10 else { continue }
            index += 2
            // Header lines until an empty one; in each, the name runs to the first colon.
            while index < body.count, body[index] != 13 {
                var inName = true
                while index < body.count, body[index] != 13 {
                    if body[index] == UInt8(ascii: ":") { inName = false }
                    if inName, body[index] > 127 { return false }
                    index += 1
                }
                index += 2  // the line's CRLF
            }
        }
        return true
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            var matched = 0
            while matched < needle.count, haystack[index + matched] == needle[matched] { matched += 1 }
            if matched == needle.count { return index }
            index += 1
        }
        return nil
    }
}
