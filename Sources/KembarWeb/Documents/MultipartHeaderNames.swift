import NIOCore

/// Whether every header name of a multipart body is ASCII, as multipart-kit's parser needs: it
/// looks each byte of a name up in a table of 128 and traps on any byte above. Checked after
/// every `--boundary` followed by CRLF, wherever it stands (a superset of where the parser finds
/// headers): each line up to the blank one that ends the part's headers, up to its first colon.
/// Read in place: an upload's body is not copied for it.
enum MultipartHeaderNames {
    static func areASCII(_ body: ByteBufferView, boundary: String) -> Bool {
        let delimiter = Array("--\(boundary)".utf8)
        let end = body.endIndex
        var searchFrom = body.startIndex
        while let found = body[searchFrom...].firstRange(of: delimiter) {
            searchFrom = found.lowerBound + 1
            var index = found.upperBound
            guard index + 1 < end, body[index] == 13, body[index + 1] == 10 else { continue }
            index += 2
            // Header lines until an empty one; in each, the name runs to the first colon.
            while index < end, body[index] != 13 {
                var inName = true
                while index < end, body[index] != 13 {
                    if body[index] == UInt8(ascii: ":") { inName = false }
                    if inName, body[index] > 127 { return false }
                    index += 1
                }
                index += 2  // the line's CRLF
            }
        }
        return true
    }
}
