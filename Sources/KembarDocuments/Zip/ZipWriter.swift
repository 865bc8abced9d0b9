/// Writes a ZIP archive: what a REFI-QDA `.qdpx` project and an XLSX workbook are. Entries are
/// stored as they are unless compressed is asked for (an XLSX's XML shrinks ten times).
public struct ZipWriter: Sendable {
    private var body: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    public init() {}

    public mutating func add(_ name: String, _ contents: [UInt8], compressed: Bool = false) {
        let nameBytes = Array(name.utf8)
        let crc = Inflate.crc32(contents)
        let offset = UInt32(body.count)
        let deflated = compressed ? Deflate.raw(contents) : nil
        let stored = deflated ?? contents
        // Version 2.0, flag bit 11 (names in UTF-8), method 0 (stored) or 8 (deflated), no date (1980-01-01).
        var local: [UInt8] = []
        local.appendLE32(ZipArchive.localSignature)
        local.appendLE16(20)
        local.appendLE16(0x0800)
        local.appendLE16(deflated == nil ? 0 : 8)
        local.appendLE16(0)
        local.appendLE16(0x21)
        local.appendLE32(crc)
        local.appendLE32(UInt32(stored.count))
        local.appendLE32(UInt32(contents.count))
        local.appendLE16(UInt16(nameBytes.count))
        local.appendLE16(0)
        body += local + nameBytes + stored

        var central: [UInt8] = []
        central.appendLE32(0x0201_4b50)
        central.appendLE16(20)
        central += local[4..<26]
        central.appendLE16(UInt16(nameBytes.count))
        central.appendLE16(0)
        central.appendLE16(0)
        central.appendLE16(0)
        central.appendLE16(0)
        central.appendLE32(0)
        central.appendLE32(offset)
        directory += central + nameBytes
        count += 1
    }

    public func bytes() -> [UInt8] {
        var end: [UInt8] = []
        end.appendLE32(0x0605_4b50)
        end.appendLE16(0)
        end.appendLE16(0)
        end.appendLE16(UInt16(count))
        end.appendLE16(UInt16(count))
        end.appendLE32(UInt32(directory.count))
        end.appendLE32(UInt32(body.count))
        end.appendLE16(0)
        return body + directory + end
    }
}

extension [UInt8] {
    fileprivate mutating func appendLE16(_ value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    fileprivate mutating func appendLE32(_ value: UInt32) {
        appendLE16(UInt16(value & 0xFFFF))
        appendLE16(UInt16(value >> 16))
    }
}
