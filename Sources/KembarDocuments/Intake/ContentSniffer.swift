/// Tells what a file is from its first bytes, never from its name.
enum ContentSniffer {
    enum Kind: Equatable {
        case pdf
        case zip
        case text
        /// Something recognisable that Kembar does not take.
        case other(FileContent)
    }

    static func kind(of bytes: [UInt8]) -> Kind {
        if startsPDF(bytes) { return .pdf }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return .zip
        }
        let known: [([UInt8], FileContent)] = [
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], .legacyOffice),
            ([0x89, 0x50, 0x4E, 0x47], .image),
            ([0xFF, 0xD8, 0xFF], .image),
            ([0x47, 0x49, 0x46, 0x38], .image),
            ([0x1F, 0x8B], .compressed),
            ([0x42, 0x5A, 0x68], .compressed),
            ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], .compressed),
            ([0x52, 0x61, 0x72, 0x21], .compressed),
            ([0x37, 0x7A, 0xBC, 0xAF], .compressed),
            ([0x7F, 0x45, 0x4C, 0x46], .program),
            ([0x4D, 0x5A], .program),
            ([0x7B, 0x5C, 0x72, 0x74, 0x66], .rtf),
        ]
        for (magic, content) in known where bytes.starts(with: magic) { return .other(content) }
        return looksLikeText(bytes) ? .text : .other(.binary)
    }

    /// PDF readers accept the header anywhere in the first kilobyte.
    private static func startsPDF(_ bytes: [UInt8]) -> Bool {
        let header: [UInt8] = Array("%PDF-".utf8)
        let window = bytes.prefix(1024)
        guard window.count >= header.count else { return false }
        return (0...(window.count - header.count)).contains { window[$0..<($0 + header.count)].elementsEqual(header) }
    }

    /// Text has no NUL bytes and few control characters other than tab, line feed, carriage return
    /// and form feed.
    private static func looksLikeText(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(64 * 1024)
        var controls = 0
        for byte in sample {
            if byte == 0 { return false }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { controls += 1 }
        }
        return controls <= max(2, sample.count / 20)
    }

    /// Whether text starts as an HTML document does.
    static func looksLikeHTML(_ text: Substring) -> Bool {
        let start = text.drop { $0.isWhitespace }.prefix(200).lowercased()
        return ["<!doctype html", "<html", "<head", "<body", "<!--"].contains { start.hasPrefix($0) }
            && (start.hasPrefix("<!--") ? text.prefix(4096).lowercased().contains("<html") : true)
    }
}
