import KembarCore

/// Reads a spreadsheet file by what its bytes are, not by its name: an XLSX is a ZIP archive
/// with a workbook inside, a password-protected XLSX is a compound file with an encrypted
/// package, and a CSV is text. Anything else is refused, saying what it is.
public enum SpreadsheetFile {
    public static func read(
        _ bytes: [UInt8], fileName: String, expecting expected: SpreadsheetFormat? = nil,
        limits: SpreadsheetLimits = .standard
    ) throws(SpreadsheetError) -> Spreadsheet {
        guard bytes.count <= limits.maximumBytes else { throw .tooLarge(limit: limits.maximumBytes) }
        let format = try format(of: bytes)
        if let expected, expected != format { throw .formatMismatch(expected: expected, found: format) }
        switch format {
        case .xlsx:
            let archive: ZipArchive
            do {
                archive = try ZipArchive(bytes)
            } catch {
                throw .corrupt
            }
            guard archive.entry(named: "xl/workbook.xml") != nil else {
                let word = archive.entry(named: "word/document.xml") != nil
                let slides = archive.entry(named: "ppt/presentation.xml") != nil
                let ods = archive.entry(named: "content.xml") != nil
                throw .notASpreadsheet(what: word ? .word : slides ? .powerpoint : ods ? .opendocument : .zip)
            }
            return try XLSXWorkbookReader(archive: archive, limits: limits).read()
        case .csv:
            let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
            let sheetName = name.lowercased().hasSuffix(".csv") ? String(name.dropLast(4)) : name
            return Spreadsheet(sheets: [try CSVSheetReader.read(bytes, sheetName: sheetName, limits: limits)])
        }
    }

    /// XLSX or CSV, or the reason the bytes are neither.
    public static func format(of bytes: [UInt8]) throws(SpreadsheetError) -> SpreadsheetFormat {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return .xlsx
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw containsEncryptedPackage(bytes) ? .encrypted : .legacyExcel
        }
        for (magic, what) in signatures where bytes.starts(with: magic) { throw .notASpreadsheet(what: what) }
        // Text has no NUL bytes, except in UTF-16, which starts with its byte-order mark.
        let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !utf16 && bytes.prefix(8192).contains(0) { throw .notASpreadsheet(what: .binary) }
        return .csv
    }

    private static let signatures: [([UInt8], OtherFile)] = [
        (Array("%PDF".utf8), .pdf), ([0x89, 0x50, 0x4E, 0x47], .png), ([0xFF, 0xD8, 0xFF], .jpeg),
        (Array("GIF8".utf8), .gif), ([0x1F, 0x8B], .gzip), (Array("{\\rtf".utf8), .rtf),
    ]

    /// A password-protected Office file is a compound file holding a stream named
    /// `EncryptedPackage` (its name is stored in UTF-16).
    private static func containsEncryptedPackage(_ bytes: [UInt8]) -> Bool {
        let name = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        guard bytes.count >= name.count else { return false }
        var index = 0
        while index <= bytes.count - name.count {
            if bytes[index] == name[0], bytes[index..<(index + name.count)].elementsEqual(name) { return true }
            index += 1
        }
        return false
    }
}
