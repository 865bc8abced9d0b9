/// Reads entries from a ZIP archive held in memory (a DOCX file is one). Only what a document
/// needs: stored and deflated entries, no encryption, no ZIP64. Every size the archive declares is
/// checked against the bytes actually present, and every entry's expansion against a ceiling.
struct ZipArchive {
    struct Entry {
        let name: String
        let method: UInt16
        let crc: UInt32
        let compressedSize: Int
        let declaredSize: Int
        let localHeaderOffset: Int
        let encrypted: Bool
    }

    enum Failure: Error, Equatable {
        case corrupt
        case unsupported(String)
        case exceeds(limit: Int)
    }

    let bytes: [UInt8]
    let entries: [Entry]

    static let localSignature: UInt32 = 0x0403_4b50
    private static let centralSignature: UInt32 = 0x0201_4b50
    private static let endSignature: UInt32 = 0x0605_4b50
    /// More entries than any office document has; a guard against archives built to exhaust.
    static let maximumEntries = 20_000

    init(_ bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        guard let end = Self.endOfCentralDirectory(bytes) else { throw .corrupt }
        let count = Int(bytes.le16(end + 10))
        let directorySize = Int(bytes.le32(end + 12))
        let directoryOffset = Int(bytes.le32(end + 16))
        if count == 0xFFFF || directoryOffset == 0xFFFF_FFFF { throw .unsupported("ZIP64") }
        guard count <= Self.maximumEntries else { throw .unsupported("\(count) entries") }
        guard directoryOffset + directorySize <= end else { throw .corrupt }
        var entries: [Entry] = []
        var position = directoryOffset
        for _ in 0..<count {
            guard position + 46 <= end, bytes.le32(position) == Self.centralSignature else { throw .corrupt }
            let nameLength = Int(bytes.le16(position + 28))
            let extraLength = Int(bytes.le16(position + 30))
            let commentLength = Int(bytes.le16(position + 32))
            guard position + 46 + nameLength <= end else { throw .corrupt }
            let name = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            let entry = Entry(
                name: name, method: bytes.le16(position + 10), crc: bytes.le32(position + 16),
                compressedSize: Int(bytes.le32(position + 20)), declaredSize: Int(bytes.le32(position + 24)),
                localHeaderOffset: Int(bytes.le32(position + 42)), encrypted: bytes.le16(position + 8) & 1 == 1)
            if entry.compressedSize == 0xFFFF_FFFF || entry.declaredSize == 0xFFFF_FFFF {
                throw .unsupported("ZIP64")
            }
            entries.append(entry)
            position += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }

    /// The bytes of an entry, refused when they would exceed `limit` or do not match their checksum.
    func contents(of entry: Entry, limit: Int) throws(Failure) -> [UInt8] {
        guard !entry.encrypted else { throw .unsupported("encryption") }
        guard entry.declaredSize <= limit else { throw .exceeds(limit: limit) }
        let header = entry.localHeaderOffset
        guard header + 30 <= bytes.count, bytes.le32(header) == Self.localSignature else { throw .corrupt }
        let start = header + 30 + Int(bytes.le16(header + 26)) + Int(bytes.le16(header + 28))
        guard start + entry.compressedSize <= bytes.count else { throw .corrupt }
        let data = bytes[start..<(start + entry.compressedSize)]
        let contents: [UInt8]
        switch entry.method {
        case 0:
            contents = Array(data)
        case 8:
            do {
                contents = try Inflate.raw(data, limit: limit)
            } catch .exceeds(let limit) {
                throw .exceeds(limit: limit)
            } catch {
                throw .corrupt
            }
        default:
            throw .unsupported("compression method \(entry.method)")
        }
        guard contents.count == entry.declaredSize, Inflate.crc32(contents) == entry.crc else { throw .corrupt }
        return contents
    }

    private static func endOfCentralDirectory(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        // The record is 22 bytes plus a comment of at most 65,535.
        let lowest = max(0, bytes.count - 22 - 65_535)
        var position = bytes.count - 22
        while position >= lowest {
            if bytes.le32(position) == endSignature { return position }
            position -= 1
        }
        return nil
    }
}

extension [UInt8] {
    func le16(_ offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    func le32(_ offset: Int) -> UInt32 {
        UInt32(le16(offset)) | UInt32(le16(offset + 2)) << 16
    }
}
